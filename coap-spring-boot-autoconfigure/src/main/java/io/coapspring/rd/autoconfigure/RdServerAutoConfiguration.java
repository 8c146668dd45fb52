package io.coapspring.rd.autoconfigure;

import java.time.Clock;

import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.client.CoapOperations;
import io.coapspring.rd.InMemoryRdRegistrationStore;
import io.coapspring.rd.RdRegistrationStore;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.coapspring.rd.server.RdExpiry;
import io.coapspring.rd.server.RdLimits;
import io.coapspring.rd.server.RdLookupController;
import io.coapspring.rd.server.RdLookupObservers;
import io.coapspring.rd.server.RdRegistrationController;
import io.coapspring.rd.server.RdSimpleRegistrationController;
import io.coapspring.server.observe.CoapNotifier;
import org.eclipse.californium.core.CoapServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Runs a CoRE Resource Directory (RFC 9176) when {@code coap.rd.server.enabled=true}: the registration, simple
 * registration and lookup interfaces as handler beans of the starter's programming model, listed in
 * {@code /.well-known/core}; the in-memory store (an {@link RdRegistrationStore} bean replaces it); the
 * {@link io.coapspring.rd.ResourceDirectory} bean; expiry; and notifications of lookup observers.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapHandlerAutoConfiguration.class, CoapClientAutoConfiguration.class })
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.rd.server.enabled")
@EnableConfigurationProperties(RdProperties.class)
public final class RdServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RdRegistrationStore rdRegistrationStore() {
		return new InMemoryRdRegistrationStore();
	}

	@Bean
	@ConditionalOnMissingBean
	DefaultResourceDirectory resourceDirectory(RdRegistrationStore rdRegistrationStore, RdProperties properties,
			ApplicationEventPublisher publisher) {
		RdProperties.Server server = properties.getServer();
		String registrationPath = path("coap.rd.server.registration-path", server.getRegistrationPath());
		path("coap.rd.server.endpoint-lookup-path", server.getEndpointLookupPath());
		path("coap.rd.server.resource-lookup-path", server.getResourceLookupPath());
		return new DefaultResourceDirectory(rdRegistrationStore, limits(server), server.getUnauthenticated(),
				registrationPath, publisher, Clock.systemUTC());
	}

	static RdLimits limits(RdProperties.Server server) {
		positive("coap.rd.server.min-lifetime", server.getMinLifetime().getSeconds());
		positive("coap.rd.server.max-registrations", server.getMaxRegistrations());
		positive("coap.rd.server.max-links-per-registration", server.getMaxLinksPerRegistration());
		positive("coap.rd.server.max-registration-size", server.getMaxRegistrationSize().toBytes());
		positive("coap.rd.server.expiry-interval", server.getExpiryInterval().toMillis());
		if (server.getMaxLifetime().compareTo(server.getMinLifetime()) < 0) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.server.max-lifetime",
					server.getMaxLifetime(), "must not be shorter than coap.rd.server.min-lifetime");
		}
		if (server.getDefaultLifetime().compareTo(server.getMinLifetime()) < 0
				|| server.getDefaultLifetime().compareTo(server.getMaxLifetime()) > 0) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.server.default-lifetime",
					server.getDefaultLifetime(),
					"must lie between coap.rd.server.min-lifetime and coap.rd.server.max-lifetime");
		}
		if (server.getMaxTotalSize().compareTo(server.getMaxRegistrationSize()) < 0) {
			throw new InvalidConfigurationPropertyValueException("coap.rd.server.max-total-size",
					server.getMaxTotalSize(), "must not be smaller than coap.rd.server.max-registration-size");
		}
		return new RdLimits(server.getDefaultLifetime(), server.getMinLifetime(), server.getMaxLifetime(),
				server.getMaxRegistrations(), server.getMaxLinksPerRegistration(),
				server.getMaxRegistrationSize().toBytes(), server.getMaxTotalSize().toBytes(),
				server.getRetryAfter());
	}

	private static void positive(String property, long value) {
		if (value <= 0) {
			throw new InvalidConfigurationPropertyValueException(property, value, "must be positive");
		}
	}

	private static String path(String property, String value) {
		if (!value.startsWith("/") || value.length() < 2 || value.contains("{") || value.contains("?")) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"must be a path such as '/rd', without variables or query");
		}
		return value;
	}

	@Bean
	@ConditionalOnMissingBean
	RdRegistrationController rdRegistrationController(DefaultResourceDirectory resourceDirectory) {
		return new RdRegistrationController(resourceDirectory);
	}

	@Bean
	@ConditionalOnMissingBean
	RdSimpleRegistrationController rdSimpleRegistrationController(DefaultResourceDirectory resourceDirectory,
			CoapOperations coapOperations) {
		return new RdSimpleRegistrationController(resourceDirectory, coapOperations);
	}

	@Bean
	@ConditionalOnMissingBean
	RdLookupController rdLookupController(DefaultResourceDirectory resourceDirectory) {
		return new RdLookupController(resourceDirectory);
	}

	@Bean
	@ConditionalOnMissingBean
	RdLookupObservers rdLookupObservers(CoapNotifier coapNotifier, RdProperties properties) {
		return new RdLookupObservers(coapNotifier, properties.getServer().getEndpointLookupPath(),
				properties.getServer().getResourceLookupPath());
	}

	@Bean
	@ConditionalOnMissingBean
	RdExpiry rdExpiry(DefaultResourceDirectory resourceDirectory, RdProperties properties) {
		return new RdExpiry(resourceDirectory, properties.getServer().getExpiryInterval());
	}

}
