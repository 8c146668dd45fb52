package io.coapspring.autoconfigure;

import io.coapspring.oscore.OscoreCounters;
import io.coapspring.oscore.OscoreFailureLimiter;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Creates the {@link OscoreFailureLimiter} of {@code coap.oscore.failure-limit.*}, validating each property and
 * naming it when it is invalid.
 *
 * @author CoAP Spring Boot team
 */
final class OscoreFailureLimits {

	private static final String PREFIX = "coap.oscore.failure-limit.";

	private OscoreFailureLimits() {
	}

	static OscoreFailureLimiter create(CoapOscoreProperties.FailureLimit limit, OscoreCounters counters) {
		if (limit.getMaxFailures() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-failures", limit.getMaxFailures(),
					"must be at least 1");
		}
		if (limit.getWindow() == null || limit.getWindow().isNegative() || limit.getWindow().isZero()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "window", limit.getWindow(),
					"must be positive");
		}
		if (limit.getMaxTrackedSources() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-tracked-sources",
					limit.getMaxTrackedSources(), "must be at least 1");
		}
		return new OscoreFailureLimiter(limit.getMaxFailures(), limit.getWindow(), limit.getMaxTrackedSources(),
				counters);
	}

}
