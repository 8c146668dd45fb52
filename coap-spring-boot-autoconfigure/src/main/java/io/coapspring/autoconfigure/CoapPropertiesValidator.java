package io.coapspring.autoconfigure;

import java.time.Duration;

import io.coapspring.autoconfigure.CoapProperties.Blockwise;
import io.coapspring.autoconfigure.CoapProperties.Network;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Checks the ranges of {@link CoapProperties} values before they reach Californium, so that a bad value
 * fails start-up with a message naming the property and the allowed range rather than surfacing later as a
 * Californium error or a silently broken exchange.
 *
 * @author CoAP Spring Boot team
 */
final class CoapPropertiesValidator {

	/** Largest UDP payload over IPv4. */
	private static final long MAX_UDP_PAYLOAD = 65_507;

	private final CoapProperties properties;

	CoapPropertiesValidator(CoapProperties properties) {
		this.properties = properties;
	}

	void validate() {
		CoapProperties.Server server = this.properties.getServer();
		intRange("coap.server.port", server.getPort(), 0, 65_535);
		notNegative("coap.server.shutdown-timeout", server.getShutdownTimeout());
		CoapProperties.Executor executor = server.getExecutor();
		intRange("coap.server.executor.max-threads", executor.getMaxThreads(), 1, 10_000);
		intRange("coap.server.executor.queue-capacity", executor.getQueueCapacity(), 0, Integer.MAX_VALUE);
		notNegative("coap.server.executor.keep-alive", executor.getKeepAlive());
		validateNetwork(this.properties.getNetwork());
		validateBlockwise(this.properties.getBlockwise());
		CoapProperties.Deduplication deduplication = this.properties.getDeduplication();
		positive("coap.deduplication.sweep-interval", deduplication.getSweepInterval());
		intRange("coap.deduplication.messages-per-peer", deduplication.getMessagesPerPeer(), 4, Integer.MAX_VALUE);
		CoapProperties.Observe observe = this.properties.getObserve();
		intRange("coap.observe.notification-check-interval-count", observe.getNotificationCheckIntervalCount(), 1,
				Integer.MAX_VALUE);
		positive("coap.observe.notification-check-interval-time", observe.getNotificationCheckIntervalTime());
		intRange("coap.observe.max-observers", observe.getMaxObservers(), 0, Integer.MAX_VALUE);
		positive("coap.client.timeout", this.properties.getClient().getTimeout());
	}

	private void validateNetwork(Network network) {
		positive("coap.network.ack-timeout", network.getAckTimeout());
		if (!(network.getAckRandomFactor() >= 1.0f)) {
			throw invalid("coap.network.ack-random-factor", network.getAckRandomFactor(),
					"must be at least 1.0 (RFC 7252 section 4.8)");
		}
		if (!(network.getAckTimeoutScale() >= 1.0f)) {
			throw invalid("coap.network.ack-timeout-scale", network.getAckTimeoutScale(), "must be at least 1.0");
		}
		intRange("coap.network.max-retransmit", network.getMaxRetransmit(), 1, 20);
		intRange("coap.network.nstart", network.getNstart(), 1, Integer.MAX_VALUE);
		positive("coap.network.max-latency", network.getMaxLatency());
		positiveIfSet("coap.network.exchange-lifetime", network.getExchangeLifetime());
		positiveIfSet("coap.network.non-lifetime", network.getNonLifetime());
		notNegative("coap.network.piggyback-reply", network.getPiggybackReply());
		intRange("coap.network.protocol-stage-threads", network.getProtocolStageThreads(), 0, 1024);
		intRange("coap.network.udp-receiver-threads", network.getUdpReceiverThreads(), 1, 1024);
		intRange("coap.network.udp-sender-threads", network.getUdpSenderThreads(), 1, 1024);
		intRange("coap.network.max-active-peers", network.getMaxActivePeers(), 1, Integer.MAX_VALUE);
		positive("coap.network.max-peer-inactivity-period", network.getMaxPeerInactivityPeriod());
	}

	private void validateBlockwise(Blockwise blockwise) {
		long blockSize = blockwise.getPreferredBlockSize().toBytes();
		if (blockSize < 16 || blockSize > 1024 || Long.bitCount(blockSize) != 1) {
			throw invalid("coap.blockwise.preferred-block-size", blockwise.getPreferredBlockSize(),
					"must be a power of two from 16B to 1024B (RFC 7959 block sizes 16, 32, ..., 1024)");
		}
		sizeRange("coap.blockwise.max-message-size", blockwise.getMaxMessageSize(), 16, MAX_UDP_PAYLOAD);
		sizeRange("coap.blockwise.max-resource-body-size", blockwise.getMaxResourceBodySize(), 1, Integer.MAX_VALUE);
		positive("coap.blockwise.status-lifetime", blockwise.getStatusLifetime());
	}

	private static void intRange(String name, int value, int min, int max) {
		if (value < min || value > max) {
			String range = (max == Integer.MAX_VALUE) ? "must be at least " + min
					: "must be between " + min + " and " + max;
			throw invalid(name, value, range);
		}
	}

	private static void sizeRange(String name, DataSize value, long min, long max) {
		long bytes = value.toBytes();
		if (bytes < min || bytes > max) {
			throw invalid(name, value, "must be between " + min + "B and " + max + "B");
		}
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(name, value, "must be a positive duration");
		}
	}

	private static void positiveIfSet(String name, @Nullable Duration value) {
		if (value != null) {
			positive(name, value);
		}
	}

	private static void notNegative(String name, Duration value) {
		if (value.isNegative()) {
			throw invalid(name, value, "must not be negative");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(name, value, reason);
	}

}
