package io.coapspring.rd.client;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of the registration with a Resource Directory: up while registered, unknown while the first registration
 * is under way, down when the last attempt failed (with the reason), out of service once stopped.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdClientHealthIndicator extends AbstractHealthIndicator {

	private final RdRegistrationClient client;

	/**
	 * Create the indicator.
	 * @param client the registration client
	 */
	public RdClientHealthIndicator(RdRegistrationClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		switch (this.client.getState()) {
			case REGISTERED -> builder.up();
			case REGISTERING -> builder.unknown();
			case FAILED -> builder.down();
			case STOPPED -> builder.outOfService();
		}
		builder.withDetail("state", this.client.getState().name().toLowerCase(Locale.ROOT))
			.withDetail("directory", this.client.getDirectory().toString())
			.withDetail("endpointName", this.client.getSettings().endpointName());
		URI location = this.client.getLocation();
		if (location != null) {
			builder.withDetail("location", location.toString());
		}
		String failure = this.client.getLastFailure();
		if (failure != null) {
			builder.withDetail("lastFailure", failure);
		}
	}

}
