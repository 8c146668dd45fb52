package io.coapspring.rd.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How this application registers with a Resource Directory.
 *
 * @param directory the directory: with a path, its registration interface; without, a host or multicast group
 * asked for {@code /.well-known/core?rt=core.rd}; {@code null} for the directory this application runs itself
 * @param endpointName the endpoint name ({@code ep})
 * @param sector the sector ({@code d}), or {@code null}
 * @param endpointTypes the endpoint types ({@code et})
 * @param base the base URI ({@code base}), or {@code null} for the address the registration comes from
 * @param lifetime the lifetime ({@code lt})
 * @param retryInterval the wait after a failed attempt
 * @param removeOnShutdown whether to remove the registration on a graceful shutdown
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record RdClientSettings(@Nullable URI directory, String endpointName, @Nullable String sector,
		List<String> endpointTypes, @Nullable String base, Duration lifetime, Duration retryInterval,
		boolean removeOnShutdown) {

	/**
	 * Check the settings.
	 */
	public RdClientSettings {
		Assert.isTrue(directory == null || (directory.isAbsolute() && directory.getHost() != null),
				"'directory' must be an absolute URI with a host");
		Assert.hasText(endpointName, "'endpointName' must not be empty");
		Assert.isTrue(lifetime.getSeconds() >= 1, "'lifetime' must be at least one second");
		Assert.isTrue(!retryInterval.isNegative() && !retryInterval.isZero(), "'retryInterval' must be positive");
		endpointTypes = List.copyOf(endpointTypes);
	}

	/**
	 * Return when to refresh a registration: after three quarters of its lifetime.
	 * @return the refresh interval
	 */
	public Duration refreshInterval() {
		return Duration.ofMillis(Math.max(500, this.lifetime.toMillis() * 3 / 4));
	}

}
