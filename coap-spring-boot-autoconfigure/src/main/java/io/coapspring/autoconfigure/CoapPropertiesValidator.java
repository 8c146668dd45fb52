package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

import io.coapspring.autoconfigure.CoapProperties.Blockwise;
import io.coapspring.autoconfigure.CoapProperties.Network;
import io.coapspring.proxy.AllowedDestinations;
import io.coapspring.server.discovery.CoapEndpointName;
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

	/** A URI scheme (RFC 3986 section 3.1). */
	private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

	private final CoapProperties properties;

	CoapPropertiesValidator(CoapProperties properties) {
		this.properties = properties;
	}

	void validate() {
		CoapProperties.Server server = this.properties.getServer();
		intRange("coap.server.port", server.getPort(), 0, 65_535);
		String endpointName = server.getEndpointName();
		if (endpointName != null) {
			try {
				new CoapEndpointName(endpointName);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("coap.server.endpoint-name", endpointName, ex.getMessage());
			}
		}
		notNegative("coap.server.shutdown-timeout", server.getShutdownTimeout());
		positive("coap.server.watchdog-interval", server.getWatchdogInterval());
		if (server.getDtls().isEnabled()) {
			validateDtls(server);
		}
		CoapProperties.Executor executor = server.getExecutor();
		intRange("coap.server.executor.max-threads", executor.getMaxThreads(), 1, 10_000);
		intRange("coap.server.executor.queue-capacity", executor.getQueueCapacity(), 0, Integer.MAX_VALUE);
		notNegative("coap.server.executor.keep-alive", executor.getKeepAlive());
		validateNetwork(this.properties.getNetwork());
		validateBlockwise(this.properties.getBlockwise());
		CoapProperties.Deduplication deduplication = this.properties.getDeduplication();
		positive("coap.deduplication.sweep-interval", deduplication.getSweepInterval());
		intRange("coap.deduplication.messages-per-peer", deduplication.getMessagesPerPeer(), 4, Integer.MAX_VALUE);
		intRange("coap.deduplication.max-messages", deduplication.getMaxMessages(), 1, Integer.MAX_VALUE);
		CoapProperties.Observe observe = this.properties.getObserve();
		intRange("coap.observe.notification-check-interval-count", observe.getNotificationCheckIntervalCount(), 1,
				Integer.MAX_VALUE);
		positive("coap.observe.notification-check-interval-time", observe.getNotificationCheckIntervalTime());
		intRange("coap.observe.max-observers", observe.getMaxObservers(), 0, Integer.MAX_VALUE);
		intRange("coap.observe.max-observers-per-peer", observe.getMaxObserversPerPeer(), 0, Integer.MAX_VALUE);
		validateMulticast(this.properties.getMulticast(), server);
		validateClient(this.properties.getClient());
		validateProxy(this.properties.getProxy());
	}

	private void validateProxy(CoapProperties.Proxy proxy) {
		positive("coap.proxy.timeout", proxy.getTimeout());
		intRange("coap.proxy.cache.max-entries", proxy.getCache().getMaxEntries(), 0, Integer.MAX_VALUE);
		if (proxy.getCache().getMaxSize().isNegative()) {
			throw invalid("coap.proxy.cache.max-size", proxy.getCache().getMaxSize(), "must not be negative");
		}
		try {
			AllowedDestinations.of(proxy.getAllowedDestinations());
		}
		catch (IllegalArgumentException ex) {
			throw invalid("coap.proxy.allowed-destinations", proxy.getAllowedDestinations(), ex.getMessage());
		}
		for (String scheme : proxy.getSchemes()) {
			if (!URI_SCHEME.matcher(scheme).matches()) {
				throw invalid("coap.proxy.schemes", scheme, "must be a URI scheme such as 'coap' or 'http'");
			}
		}
		String prefix = proxy.getHttp().getPathPrefix();
		if (!prefix.startsWith("/") || prefix.length() < 2 || prefix.endsWith("/") || prefix.contains("*")
				|| prefix.contains("{")) {
			throw invalid("coap.proxy.http.path-prefix", prefix,
					"must be a literal path that starts with '/' and does not end with '/', for instance '/coap'");
		}
	}

	private void validateMulticast(CoapProperties.Multicast multicast, CoapProperties.Server server) {
		intRange("coap.multicast.port", multicast.getPort(), 1, 65_535);
		positive("coap.multicast.leisure", multicast.getLeisure());
		if (!multicast.isEnabled()) {
			return;
		}
		if (multicast.getGroups().isEmpty()) {
			throw invalid("coap.multicast.groups", multicast.getGroups(), "must name at least one multicast group");
		}
		for (InetAddress group : multicast.getGroups()) {
			if (!group.isMulticastAddress()) {
				throw invalid("coap.multicast.groups", group.getHostAddress(),
						"must be multicast addresses (224.0.0.0/4 or ff00::/8)");
			}
		}
		if (server.getDtls().isEnabled() && multicast.getPort() == server.getDtls().getPort()) {
			throw invalid("coap.multicast.port", multicast.getPort(),
					"must differ from 'coap.server.dtls.port': there is no multicast over DTLS");
		}
		String networkInterface = multicast.getInterface();
		if (networkInterface != null && networkInterface.isBlank()) {
			throw invalid("coap.multicast.interface", networkInterface, "must name a network interface");
		}
	}

	private void validateClient(CoapProperties.Client client) {
		positive("coap.client.timeout", client.getTimeout());
		String baseUri = client.getBaseUri();
		if (baseUri != null && !isAbsoluteCoapUri(baseUri)) {
			throw invalid("coap.client.base-uri", baseUri, "must be an absolute coap:// or coaps:// URI with a host");
		}
		if (client.getMaxRetransmit() != null) {
			intRange("coap.client.max-retransmit", client.getMaxRetransmit(), 0, 20);
		}
		if (client.getBlockSize() != null) {
			blockSize("coap.client.block-size", client.getBlockSize());
		}
		if (client.getMaxBodySize() != null) {
			sizeRange("coap.client.max-body-size", client.getMaxBodySize(), 1, Integer.MAX_VALUE);
		}
		positive("coap.client.multicast-window", client.getMulticastWindow());
		String multicastInterface = client.getMulticastInterface();
		if (multicastInterface != null && multicastInterface.isBlank()) {
			throw invalid("coap.client.multicast-interface", multicastInterface, "must name a network interface");
		}
		notNegative("coap.client.reregistration-backoff", client.getReregistrationBackoff());
	}

	private static boolean isAbsoluteCoapUri(String uri) {
		try {
			URI parsed = new URI(uri);
			return ("coap".equalsIgnoreCase(parsed.getScheme()) || "coaps".equalsIgnoreCase(parsed.getScheme()))
					&& parsed.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
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

	private void validateDtls(CoapProperties.Server server) {
		CoapProperties.Dtls dtls = server.getDtls();
		intRange("coap.server.dtls.port", dtls.getPort(), 0, 65_535);
		if (!server.isSecureOnly() && dtls.getPort() != 0 && dtls.getPort() == server.getPort()) {
			throw invalid("coap.server.dtls.port", dtls.getPort(),
					"must differ from 'coap.server.port': both endpoints bind UDP on the same address");
		}
		Integer connectionIdLength = dtls.getConnectionIdLength();
		if (connectionIdLength != null) {
			intRange("coap.server.dtls.connection-id-length", connectionIdLength, 0, 32);
		}
		DataSize mtu = dtls.getMaxTransmissionUnit();
		if (mtu != null) {
			sizeRange("coap.server.dtls.max-transmission-unit", mtu, 64, MAX_UDP_PAYLOAD);
		}
		intRange("coap.server.dtls.connector-threads", dtls.getConnectorThreads(), 0, 1024);
		intRange("coap.server.dtls.receiver-threads", dtls.getReceiverThreads(), 1, 1024);
		CoapProperties.Dtls.Handshake handshake = dtls.getHandshake();
		positive("coap.server.dtls.handshake.retransmission-timeout", handshake.getRetransmissionTimeout());
		positive("coap.server.dtls.handshake.max-retransmission-timeout", handshake.getMaxRetransmissionTimeout());
		if (handshake.getMaxRetransmissionTimeout().compareTo(handshake.getRetransmissionTimeout()) < 0) {
			throw invalid("coap.server.dtls.handshake.max-retransmission-timeout",
					handshake.getMaxRetransmissionTimeout(),
					"must not be less than 'coap.server.dtls.handshake.retransmission-timeout'");
		}
		intRange("coap.server.dtls.handshake.max-retransmissions", handshake.getMaxRetransmissions(), 1, 20);
		intRange("coap.server.dtls.handshake.max-pending-results", handshake.getMaxPendingResults(), 1,
				Integer.MAX_VALUE);
		CoapProperties.Dtls.Session session = dtls.getSession();
		intRange("coap.server.dtls.session.max-connections", session.getMaxConnections(), 1, Integer.MAX_VALUE);
		positive("coap.server.dtls.session.stale-connection-threshold", session.getStaleConnectionThreshold());
	}

	private void validateBlockwise(Blockwise blockwise) {
		blockSize("coap.blockwise.preferred-block-size", blockwise.getPreferredBlockSize());
		sizeRange("coap.blockwise.max-message-size", blockwise.getMaxMessageSize(), 16, MAX_UDP_PAYLOAD);
		sizeRange("coap.blockwise.max-resource-body-size", blockwise.getMaxResourceBodySize(), 1, Integer.MAX_VALUE);
		positive("coap.blockwise.status-lifetime", blockwise.getStatusLifetime());
	}

	private static void blockSize(String name, DataSize size) {
		long bytes = size.toBytes();
		if (bytes < 16 || bytes > 1024 || Long.bitCount(bytes) != 1) {
			throw invalid(name, size,
					"must be a power of two from 16B to 1024B (RFC 7959 block sizes 16, 32, ..., 1024)");
		}
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
