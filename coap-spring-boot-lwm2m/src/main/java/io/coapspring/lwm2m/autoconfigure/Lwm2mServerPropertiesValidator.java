package io.coapspring.lwm2m.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Checks {@link Lwm2mServerProperties} before the server is built, so that a bad value fails start-up with a
 * message naming the property; also refuses an LWM2M port that is the application's own CoAP port (Leshan runs
 * its own Californium server, the two cannot share a socket).
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mServerPropertiesValidator {

	private final Lwm2mServerProperties properties;

	private final Environment environment;

	Lwm2mServerPropertiesValidator(Lwm2mServerProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	void validate() {
		port("coap.lwm2m.server.port", this.properties.getPort());
		positive("coap.lwm2m.server.request-timeout", this.properties.getRequestTimeout());
		Lwm2mServerProperties.Registration registration = this.properties.getRegistration();
		if (registration.getMaxRegistrations() < 1) {
			throw invalid("coap.lwm2m.server.registration.max-registrations", registration.getMaxRegistrations(),
					"must be at least 1");
		}
		positive("coap.lwm2m.server.registration.min-lifetime", registration.getMinLifetime());
		positive("coap.lwm2m.server.registration.max-lifetime", registration.getMaxLifetime());
		if (registration.getMaxLifetime().compareTo(registration.getMinLifetime()) < 0) {
			throw invalid("coap.lwm2m.server.registration.max-lifetime", registration.getMaxLifetime(),
					"must not be shorter than coap.lwm2m.server.registration.min-lifetime ("
							+ registration.getMinLifetime() + ")");
		}
		if (registration.getMaxLifetime().toSeconds() > 0xFFFFFFFFL) {
			throw invalid("coap.lwm2m.server.registration.max-lifetime", registration.getMaxLifetime(),
					"must fit the LWM2M lifetime (an unsigned 32-bit number of seconds)");
		}
		positive("coap.lwm2m.server.queue-mode.awake-time", this.properties.getQueueMode().getAwakeTime());
		if (this.properties.getQueueMode().getAwakeTime().toMillis() > Integer.MAX_VALUE) {
			throw invalid("coap.lwm2m.server.queue-mode.awake-time", this.properties.getQueueMode().getAwakeTime(),
					"is too long");
		}
		Lwm2mServerProperties.Dtls dtls = this.properties.getDtls();
		if (dtls.isEnabled()) {
			port("coap.lwm2m.server.dtls.port", dtls.getPort());
			if (dtls.getPort() != 0 && dtls.getPort() == this.properties.getPort()) {
				throw invalid("coap.lwm2m.server.dtls.port", dtls.getPort(),
						"must differ from coap.lwm2m.server.port");
			}
			Lwm2mDtlsIdentities.validate("coap.lwm2m.server.dtls.psk", dtls.getPsk());
			Lwm2mDtlsIdentities.validateServerKey("coap.lwm2m.server.dtls", dtls);
		}
		checkClash("coap.lwm2m.server.port", this.properties.getPort());
		if (dtls.isEnabled()) {
			checkClash("coap.lwm2m.server.dtls.port", dtls.getPort());
		}
	}

	private void checkClash(String property, int port) {
		if (port == 0 || !this.environment.getProperty("coap.server.enabled", Boolean.class, true)) {
			return;
		}
		Integer coapPort = this.environment.getProperty("coap.server.port", Integer.class, 5683);
		if (Objects.equals(coapPort, port)) {
			throw invalid(property, port, "is the application's CoAP port (coap.server.port); the LWM2M server "
					+ "(Eclipse Leshan) runs its own Californium server and needs ports of its own");
		}
		if (this.environment.getProperty("coap.server.dtls.enabled", Boolean.class, false)) {
			Integer dtlsPort = this.environment.getProperty("coap.server.dtls.port", Integer.class, 5684);
			if (Objects.equals(dtlsPort, port)) {
				throw invalid(property, port, "is the application's CoAP DTLS port (coap.server.dtls.port); the "
						+ "LWM2M server (Eclipse Leshan) runs its own Californium server and needs ports of its own");
			}
		}
	}

	private static void port(String name, int port) {
		if (port < 0 || port > 65_535) {
			throw invalid(name, port, "must be between 0 and 65535");
		}
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(name, value, "must be positive");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(name, value, reason);
	}

}
