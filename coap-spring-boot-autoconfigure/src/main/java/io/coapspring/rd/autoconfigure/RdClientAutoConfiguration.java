package io.coapspring.rd.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapProperties;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.rd.client.ApplicationRdLinkSource;
import io.coapspring.rd.client.RdClientHealthIndicator;
import io.coapspring.rd.client.RdClientSettings;
import io.coapspring.rd.client.RdLinkSource;
import io.coapspring.rd.client.RdRegistrationClient;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.coapspring.server.discovery.CoapDiscoveryLinks;
import io.coapspring.server.discovery.CoapEndpointName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers this application's own links with a Resource Directory when {@code coap.rd.client.enabled=true}, under
 * its endpoint name ({@code coap.server.endpoint-name}, else {@code spring.application.name}), and keeps the
 * registration alive ({@link RdRegistrationClient}). Without {@code coap.rd.client.uri} it registers with the
 * directory the application runs itself, if it runs one, else asks the All CoAP Nodes group. Registration requests leave from the server's own endpoint of
 * the directory's scheme, so that the directory resolves the links against the server's address.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapServerAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
		CoapClientAutoConfiguration.class, RdServerAutoConfiguration.class })
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.rd.client.enabled")
@ConditionalOnBean({ CoapServer.class, CoapDiscoveryLinks.class })
@EnableConfigurationProperties(RdProperties.class)
public final class RdClientAutoConfiguration {

	/**
	 * The directory asked when none is configured and the application runs none: the All CoAP Nodes group.
	 */
	static final String DEFAULT_DIRECTORY = "coap://224.0.1.187";

	private static final Log logger = LogFactory.getLog(RdClientAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RdLinkSource rdLinkSource(CoapDiscoveryLinks coapDiscoveryLinks) {
		return new ApplicationRdLinkSource(coapDiscoveryLinks);
	}

	@Bean
	@ConditionalOnMissingBean
	RdRegistrationClient rdRegistrationClient(RdProperties rdProperties, CoapProperties coapProperties,
			Environment environment, CoapServer coapServer, ObjectProvider<CoapTemplateBuilder> builders,
			CoapOperations coapOperations, RdLinkSource rdLinkSource, ApplicationEventPublisher publisher,
			ObjectProvider<DefaultResourceDirectory> ownDirectory) {
		RdProperties.Client properties = rdProperties.getClient();
		boolean own = properties.getUri() == null && ownDirectory.getIfAvailable() != null;
		RdClientSettings settings = settings(properties, endpointName(coapProperties, environment), own);
		String scheme = (settings.directory() != null) ? settings.directory().getScheme() : "coap";
		Endpoint endpoint = RdOwnDirectory.serverEndpoint(coapServer, scheme);
		CoapOperations client = coapOperations;
		if (endpoint != null) {
			client = builders.getObject().endpoint(endpoint).build();
		}
		else if (settings.base() == null) {
			logger.warn("The CoAP server has no " + scheme + " endpoint: the resource directory registration "
					+ "leaves from the client's endpoint, and the directory resolves the links against that address; "
					+ "set coap.rd.client.base");
		}
		if (!own) {
			return new RdRegistrationClient(client, rdLinkSource, settings, publisher);
		}
		String registrationPath = rdProperties.getServer().getRegistrationPath();
		return new RdRegistrationClient(client, rdLinkSource, settings, publisher,
				() -> RdOwnDirectory.uri(coapServer, registrationPath));
	}

	static RdClientSettings settings(RdProperties.Client client, String endpointName, boolean ownDirectory) {
		if (ownDirectory) {
			return settings(client, endpointName, (URI) null);
		}
		String uri = (client.getUri() != null) ? client.getUri() : DEFAULT_DIRECTORY;
		URI directory;
		try {
			directory = new URI(uri);
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.client.uri", uri, ex.getMessage());
		}
		if (!directory.isAbsolute() || directory.getHost() == null
				|| !("coap".equals(directory.getScheme()) || "coaps".equals(directory.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.client.uri", uri,
					"must be a coap:// or coaps:// URI with a host");
		}
		return settings(client, endpointName, directory);
	}

	private static RdClientSettings settings(RdProperties.Client client, String endpointName,
			@Nullable URI directory) {
		if (client.getSector() != null) {
			name("coap.rd.client.sector", client.getSector());
		}
		if (client.getLifetime().getSeconds() < 1) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.client.lifetime", client.getLifetime(),
					"must be at least one second");
		}
		if (client.getRetryInterval().isNegative() || client.getRetryInterval().isZero()) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.client.retry-interval",
					client.getRetryInterval(), "must be positive");
		}
		if (client.getBase() != null) {
			try {
				URI base = new URI(client.getBase());
				if (!base.isAbsolute() || base.getHost() == null) {
					throw new URISyntaxException(client.getBase(), "not an absolute URI with a host");
				}
			}
			catch (URISyntaxException ex) {
				throw new InvalidConfigurationPropertyValueException("coap.rd.client.base", client.getBase(),
						ex.getMessage());
			}
		}
		return new RdClientSettings(directory, endpointName, client.getSector(), client.getEndpointTypes(),
				client.getBase(), client.getLifetime(), client.getRetryInterval(), client.isRemoveOnShutdown());
	}

	private static void name(String property, String value) {
		try {
			new CoapEndpointName(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	private static String endpointName(CoapProperties properties, Environment environment) {
		String name = properties.getServer().getEndpointName();
		String property = "coap.server.endpoint-name";
		if (name == null) {
			name = environment.getProperty("spring.application.name");
			property = "spring.application.name";
		}
		if (name == null) {
			throw new InvalidConfigurationPropertyValueException("coap.server.endpoint-name", null,
					"a registration with a resource directory (coap.rd.client.enabled=true) needs an endpoint name: "
							+ "set coap.server.endpoint-name or spring.application.name");
		}
		name(property, name);
		return name;
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Health.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("rdClient")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rdClientHealthIndicator")
		RdClientHealthIndicator rdClientHealthIndicator(RdRegistrationClient rdRegistrationClient) {
			return new RdClientHealthIndicator(rdRegistrationClient);
		}

	}

}
