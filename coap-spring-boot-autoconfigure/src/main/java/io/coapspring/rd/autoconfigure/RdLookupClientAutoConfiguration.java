package io.coapspring.rd.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.Supplier;

import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapProperties;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.discovery.CoapResourceFinder;
import io.coapspring.rd.client.RdLookupClient;
import io.coapspring.rd.client.RdResourceFinder;
import io.coapspring.rd.server.DefaultResourceDirectory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * Looking up other nodes' resources: an {@link RdLookupClient} bean for the directory of
 * {@code coap.rd.client.uri}, when that property is set, and a {@link CoapResourceFinder} bean
 * ({@link RdResourceFinder}) that asks that directory, or the one this application runs, or one found on the
 * multicast group {@code coap.rd.client.lookup.group}, or the group itself, as {@code coap.rd.client.lookup.mode}
 * says.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapClientAutoConfiguration.class, CoapServerAutoConfiguration.class,
		RdServerAutoConfiguration.class })
@ConditionalOnClass(CoapEndpoint.class)
@ConditionalOnBean(CoapOperations.class)
@EnableConfigurationProperties(RdProperties.class)
public final class RdLookupClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("coap.rd.client.uri")
	RdLookupClient rdLookupClient(CoapOperations coapOperations, RdProperties properties) {
		return RdLookupClient.create(coapOperations, Objects.requireNonNull(properties.getClient().getUri()));
	}

	@Bean
	@ConditionalOnMissingBean(CoapResourceFinder.class)
	RdResourceFinder coapResourceFinder(CoapOperations coapOperations, RdProperties properties,
			CoapProperties coapProperties, ObjectProvider<RdLookupClient> lookupClient,
			ObjectProvider<DefaultResourceDirectory> ownDirectory, ObjectProvider<CoapServer> server) {
		RdProperties.Lookup lookup = properties.getClient().getLookup();
		String group = group(lookup.getGroup());
		Supplier<RdLookupClient> directory = directory(coapOperations, properties, lookupClient.getIfAvailable(),
				ownDirectory.getIfAvailable(), server.getIfAvailable());
		return new RdResourceFinder(coapOperations, directory, group, coapProperties.getClient().getMulticastWindow(),
				lookup.getMode());
	}

	/**
	 * The known directory: the one of {@code coap.rd.client.uri}, else the one this application runs, asked on
	 * its own server once that is bound.
	 */
	private static @Nullable Supplier<RdLookupClient> directory(CoapOperations coap, RdProperties properties,
			@Nullable RdLookupClient configured, @Nullable DefaultResourceDirectory own, @Nullable CoapServer server) {
		if (configured != null) {
			return () -> configured;
		}
		if (own == null || server == null) {
			return null;
		}
		RdProperties.Server paths = properties.getServer();
		return SingletonSupplier.of(() -> RdLookupClient.create(coap,
				RdOwnDirectory.uri(server, paths.getEndpointLookupPath()).toString(),
				RdOwnDirectory.uri(server, paths.getResourceLookupPath()).toString()));
	}

	private static String group(String group) {
		try {
			URI uri = new URI(group);
			if ("coap".equals(uri.getScheme()) && uri.getHost() != null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
				return group;
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.client.lookup.group", group,
					ex.getMessage());
		}
		throw new InvalidConfigurationPropertyValueException("coap.rd.client.lookup.group", group,
				"must be a coap:// URI with a host and no path, such as coap://224.0.1.187 or coap://[ff02::fd]");
	}

}
