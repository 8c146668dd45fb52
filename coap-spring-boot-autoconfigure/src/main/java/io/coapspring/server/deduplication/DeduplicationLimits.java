package io.coapspring.server.deduplication;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.util.Assert;

/**
 * The bounds and times of a {@link BoundedDeduplicator}.
 *
 * @param maxMessages the largest number of messages remembered in total, at least 1
 * @param messagesPerPeer the largest number of messages remembered per peer, 0 for no bound per peer
 * @param maxPeers the largest number of peers whose messages are remembered, at least 1
 * @param exchangeLifetime how long a message is remembered at most
 * @param sweepInterval the interval between sweeps of the messages older than the exchange lifetime
 * @param replace whether a message with the same key but another origin replaces the remembered one
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record DeduplicationLimits(int maxMessages, int messagesPerPeer, int maxPeers, Duration exchangeLifetime,
		Duration sweepInterval, boolean replace) {

	/**
	 * Check the values.
	 */
	public DeduplicationLimits {
		Assert.isTrue(maxMessages > 0, "'maxMessages' must be positive");
		Assert.isTrue(messagesPerPeer >= 0, "'messagesPerPeer' must not be negative");
		Assert.isTrue(maxPeers > 0, "'maxPeers' must be positive");
		Assert.notNull(exchangeLifetime, "'exchangeLifetime' must not be null");
		Assert.notNull(sweepInterval, "'sweepInterval' must not be null");
	}

	/**
	 * Return the limits of a Californium configuration: the window per peer of {@code PEERS_MARK_AND_SWEEP_MESSAGES}
	 * in {@code PEERS_MARK_AND_SWEEP} mode (none in {@code MARK_AND_SWEEP} mode), at most
	 * {@code MAX_ACTIVE_PEERS} peers, {@code EXCHANGE_LIFETIME}, {@code MARK_AND_SWEEP_INTERVAL} and
	 * {@code DEDUPLICATOR_AUTO_REPLACE}.
	 * @param configuration the configuration
	 * @param maxMessages the largest number of messages remembered in total
	 * @return the limits
	 */
	public static DeduplicationLimits of(Configuration configuration, int maxMessages) {
		Assert.notNull(configuration, "'configuration' must not be null");
		boolean perPeer = CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP
			.equals(configuration.get(CoapConfig.DEDUPLICATOR));
		return new DeduplicationLimits(maxMessages,
				perPeer ? configuration.get(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES) : 0,
				configuration.get(CoapConfig.MAX_ACTIVE_PEERS),
				Duration.ofMillis(configuration.get(CoapConfig.EXCHANGE_LIFETIME, TimeUnit.MILLISECONDS)),
				Duration.ofMillis(configuration.get(CoapConfig.MARK_AND_SWEEP_INTERVAL, TimeUnit.MILLISECONDS)),
				configuration.get(CoapConfig.DEDUPLICATOR_AUTO_REPLACE));
	}

}
