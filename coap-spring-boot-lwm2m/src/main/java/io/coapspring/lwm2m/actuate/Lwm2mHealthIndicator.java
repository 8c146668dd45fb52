package io.coapspring.lwm2m.actuate;

import java.util.Map;

import io.coapspring.lwm2m.server.Lwm2mRegistrationLimits;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of the LWM2M server: {@code UP} while it runs with every endpoint bound, {@code DOWN} otherwise; details
 * are the endpoints, the number of registrations, its bound and the registrations refused by the limits.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mHealthIndicator extends AbstractHealthIndicator {

	private final Lwm2mServerLifecycle lifecycle;

	private final Lwm2mRegistrationLimits limits;

	/**
	 * Create an indicator.
	 * @param lifecycle the server's lifecycle
	 * @param limits the registration limits
	 */
	public Lwm2mHealthIndicator(Lwm2mServerLifecycle lifecycle, Lwm2mRegistrationLimits limits) {
		super("LWM2M health check failed");
		Assert.notNull(lifecycle, "'lifecycle' must not be null");
		Assert.notNull(limits, "'limits' must not be null");
		this.lifecycle = lifecycle;
		this.limits = limits;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Boolean> endpoints = this.lifecycle.getEndpoints();
		builder.withDetail("endpoints", endpoints)
			.withDetail("registrations", this.limits.getRegistrationCount())
			.withDetail("maxRegistrations", this.limits.getMaxRegistrations())
			.withDetail("refusedRegistrations", this.limits.getRefusedCount());
		if (!this.lifecycle.isRunning()) {
			builder.down().withDetail("reason", "LWM2M server is not running");
		}
		else if (endpoints.containsValue(false)) {
			builder.down().withDetail("reason", "an LWM2M endpoint is not started");
		}
		else {
			builder.up();
		}
	}

}
