package io.coapspring.rd.server;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The bounds of a Resource Directory: lifetimes, and how much it stores in total and per registration.
 *
 * @param defaultLifetime the lifetime of a registration without {@code lt} (RFC 9176: 90000 s)
 * @param minLifetime the shortest {@code lt} accepted
 * @param maxLifetime the longest {@code lt} accepted
 * @param maxRegistrations the most registrations held
 * @param maxLinksPerRegistration the most links of one registration
 * @param maxRegistrationSize the largest link-format payload of one registration, in bytes
 * @param maxTotalSize the most bytes of links held in total
 * @param retryAfter the Max-Age of a 5.03 answer when the directory is full
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record RdLimits(Duration defaultLifetime, Duration minLifetime, Duration maxLifetime, int maxRegistrations,
		int maxLinksPerRegistration, long maxRegistrationSize, long maxTotalSize, Duration retryAfter) {

	/**
	 * The defaults: 90000 s (60 to 4294967295 s), 10000 registrations, 256 links and 8 KB per registration, 16 MB
	 * in total, retry after 60 s.
	 */
	public static final RdLimits DEFAULTS = new RdLimits(Duration.ofSeconds(90000), Duration.ofSeconds(60),
			Duration.ofSeconds(4294967295L), 10000, 256, 8 * 1024, 16 * 1024 * 1024, Duration.ofSeconds(60));

	/**
	 * Check the bounds.
	 */
	public RdLimits {
		Assert.notNull(defaultLifetime, "'defaultLifetime' must not be null");
		Assert.notNull(minLifetime, "'minLifetime' must not be null");
		Assert.notNull(maxLifetime, "'maxLifetime' must not be null");
		Assert.notNull(retryAfter, "'retryAfter' must not be null");
		Assert.isTrue(minLifetime.getSeconds() >= 1, "'minLifetime' must be at least 1s");
		Assert.isTrue(minLifetime.compareTo(maxLifetime) <= 0, "'minLifetime' must not exceed 'maxLifetime'");
		Assert.isTrue(minLifetime.compareTo(defaultLifetime) <= 0 && defaultLifetime.compareTo(maxLifetime) <= 0,
				"'defaultLifetime' must lie between 'minLifetime' and 'maxLifetime'");
		Assert.isTrue(maxRegistrations > 0, "'maxRegistrations' must be positive");
		Assert.isTrue(maxLinksPerRegistration > 0, "'maxLinksPerRegistration' must be positive");
		Assert.isTrue(maxRegistrationSize > 0, "'maxRegistrationSize' must be positive");
		Assert.isTrue(maxTotalSize >= maxRegistrationSize, "'maxTotalSize' must be at least 'maxRegistrationSize'");
	}

}
