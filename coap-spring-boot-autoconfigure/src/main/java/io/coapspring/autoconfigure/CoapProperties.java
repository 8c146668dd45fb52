package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.coap.CoAP;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for CoAP, bound from {@code coap.*}.
 * <p>
 * Holds data only: {@link CaliforniumConfigurationFactory} validates the values and maps them onto a
 * Californium {@link org.eclipse.californium.elements.config.Configuration}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap")
public class CoapProperties {

	private final Server server = new Server();

	private final Network network = new Network();

	private final Blockwise blockwise = new Blockwise();

	private final Deduplication deduplication = new Deduplication();

	private final Observe observe = new Observe();

	private final Multicast multicast = new Multicast();

	private final Client client = new Client();

	private final Proxy proxy = new Proxy();

	public Server getServer() {
		return this.server;
	}

	public Network getNetwork() {
		return this.network;
	}

	public Blockwise getBlockwise() {
		return this.blockwise;
	}

	public Deduplication getDeduplication() {
		return this.deduplication;
	}

	public Observe getObserve() {
		return this.observe;
	}

	public Multicast getMulticast() {
		return this.multicast;
	}

	public Client getClient() {
		return this.client;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * How the server stops.
	 */
	public enum Shutdown {

		/**
		 * Refuse new requests with 5.03 and let in-flight exchanges finish before the sockets close.
		 */
		GRACEFUL,

		/**
		 * Close the sockets at once.
		 */
		IMMEDIATE

	}

	/**
	 * Message types of observe notifications (RFC 7641 section 4.5).
	 */
	public enum NotificationType {

		/**
		 * Non-confirmable, with a confirmable one every 'notification-check-interval-count' notifications or
		 * 'notification-check-interval-time' to check that the observer is still there.
		 */
		NON,

		/**
		 * Confirmable, each acknowledged by the observer.
		 */
		CON,

		/**
		 * The type of the registration: CON for a confirmable registration, NON (with the periodic CON check) for
		 * a non-confirmable one, as Californium does by default and the ETSI plugtests expect.
		 */
		REQUEST

	}

	/**
	 * Deduplication algorithms (RFC 7252 section 4.5).
	 */
	public enum DeduplicationMode {

		/**
		 * Remember every message for the exchange lifetime; one sweep over all peers. Memory grows with the
		 * request rate times the exchange lifetime.
		 */
		MARK_AND_SWEEP,

		/**
		 * Remember a bounded number of recent messages per peer, swept per peer. Memory is bounded by the
		 * per-peer window times the number of active peers.
		 */
		PEERS_MARK_AND_SWEEP,

		/**
		 * Two generations of messages rotated every period.
		 */
		CROP_ROTATION,

		/**
		 * No deduplication: retransmitted CON requests are processed again. Only for idempotent handlers.
		 */
		NONE

	}

	/**
	 * Server settings.
	 */
	public static class Server {

		/**
		 * Whether to run a CoAP server.
		 */
		private boolean enabled = true;

		/**
		 * UDP port the server binds. 0 picks a free port, published as 'local.coap.port'.
		 */
		private int port = 5683;

		/**
		 * Address the server binds. Unset binds the wildcard address, which accepts IPv4 and IPv6 on a
		 * dual-stack host.
		 */
		private @Nullable InetAddress address;

		/**
		 * How the server stops: 'graceful' lets in-flight exchanges finish, 'immediate' closes at once.
		 */
		private Shutdown shutdown = Shutdown.GRACEFUL;

		/**
		 * Longest time a graceful shutdown waits for in-flight exchanges.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Interval between checks of the network threads of the plain UDP endpoint: an endpoint whose
		 * receiver or sender thread died is reported DOWN, logged once as an ERROR and restarted on its port.
		 */
		private Duration watchdogInterval = Duration.ofSeconds(5);

		/**
		 * Whether to run only the DTLS endpoint and no plain UDP endpoint. Requires
		 * 'coap.server.dtls.enabled=true'.
		 */
		private boolean secureOnly;

		/**
		 * Name of this node, published as the 'ep' attribute of every link of '/.well-known/core' and matched by
		 * '?ep=' discovery filters. Unset uses 'spring.application.name'.
		 */
		private @Nullable String endpointName;

		private final Dtls dtls = new Dtls();

		private final Executor executor = new Executor();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable InetAddress getAddress() {
			return this.address;
		}

		public void setAddress(@Nullable InetAddress address) {
			this.address = address;
		}

		public Shutdown getShutdown() {
			return this.shutdown;
		}

		public void setShutdown(Shutdown shutdown) {
			this.shutdown = shutdown;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Duration getWatchdogInterval() {
			return this.watchdogInterval;
		}

		public void setWatchdogInterval(Duration watchdogInterval) {
			this.watchdogInterval = watchdogInterval;
		}

		public boolean isSecureOnly() {
			return this.secureOnly;
		}

		public void setSecureOnly(boolean secureOnly) {
			this.secureOnly = secureOnly;
		}

		public @Nullable String getEndpointName() {
			return this.endpointName;
		}

		public void setEndpointName(@Nullable String endpointName) {
			this.endpointName = endpointName;
		}

		public Dtls getDtls() {
			return this.dtls;
		}

		public Executor getExecutor() {
			return this.executor;
		}

	}

	/**
	 * How a DTLS server asks clients to authenticate in certificate-based handshakes.
	 */
	public enum ClientAuth {

		/**
		 * Do not ask the client for a certificate or raw public key.
		 */
		NONE,

		/**
		 * Ask the client for a certificate or raw public key, but accept a client that sends none.
		 */
		WANTED,

		/**
		 * Require a trusted certificate or raw public key from the client.
		 */
		NEEDED

	}

	/**
	 * Kinds of certificate a DTLS server presents and accepts.
	 */
	public enum CertificateType {

		/**
		 * X.509 certificate chains.
		 */
		X509,

		/**
		 * Raw public keys (RFC 7250).
		 */
		RAW_PUBLIC_KEY

	}

	/**
	 * The DTLS ('coaps') endpoint of the server, built on Eclipse Californium Scandium.
	 */
	public static class Dtls {

		/**
		 * Whether to run a DTLS ('coaps') endpoint. Needs org.eclipse.californium:scandium on the
		 * classpath.
		 */
		private boolean enabled;

		/**
		 * UDP port the DTLS endpoint binds. 0 picks a free port, published as 'local.coap.dtls-port'. The
		 * endpoint binds 'coap.server.address'.
		 */
		private int port = 5684;

		/**
		 * Name of the SSL bundle ('spring.ssl.bundle.pem.*' or 'spring.ssl.bundle.jks.*') whose key store
		 * holds the server's private key and certificate chain, and whose trust store holds the certificates
		 * trusted to authenticate clients.
		 */
		private @Nullable String sslBundle;

		/**
		 * Kinds of certificate presented with the SSL bundle's key and accepted from clients: 'x509' chains
		 * and 'raw-public-key' (RFC 7250), by preference.
		 */
		private List<CertificateType> certificateTypes = new ArrayList<>(List.of(CertificateType.X509));

		/**
		 * How much the server asks clients to authenticate with a certificate or raw public key in
		 * certificate-based handshakes: 'none', 'wanted' or 'needed'. PSK handshakes always authenticate both
		 * sides.
		 */
		private ClientAuth clientAuth = ClientAuth.NEEDED;

		/**
		 * Cipher suites the server accepts, by name, for example 'TLS_PSK_WITH_AES_128_CCM_8' or
		 * 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8'. Empty derives them from the configured credentials.
		 */
		private List<String> cipherSuites = new ArrayList<>();

		/**
		 * Length in bytes of the DTLS connection IDs (RFC 9146) the server assigns, from 0 to 32. 0 supports
		 * connection IDs without asking clients to use one. Unset disables connection IDs.
		 */
		private @Nullable Integer connectionIdLength;

		/**
		 * Largest datagram the DTLS endpoint sends. Unset detects it from the network interface.
		 */
		private @Nullable DataSize maxTransmissionUnit;

		/**
		 * Threads processing DTLS records and handshakes. 0 uses one per CPU core.
		 */
		private int connectorThreads;

		/**
		 * Threads receiving datagrams on the DTLS endpoint.
		 */
		private int receiverThreads = 1;

		private final Psk psk = new Psk();

		private final Rpk rpk = new Rpk();

		private final Handshake handshake = new Handshake();

		private final Session session = new Session();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public List<CertificateType> getCertificateTypes() {
			return this.certificateTypes;
		}

		public void setCertificateTypes(List<CertificateType> certificateTypes) {
			this.certificateTypes = certificateTypes;
		}

		public ClientAuth getClientAuth() {
			return this.clientAuth;
		}

		public void setClientAuth(ClientAuth clientAuth) {
			this.clientAuth = clientAuth;
		}

		public List<String> getCipherSuites() {
			return this.cipherSuites;
		}

		public void setCipherSuites(List<String> cipherSuites) {
			this.cipherSuites = cipherSuites;
		}

		public @Nullable Integer getConnectionIdLength() {
			return this.connectionIdLength;
		}

		public void setConnectionIdLength(@Nullable Integer connectionIdLength) {
			this.connectionIdLength = connectionIdLength;
		}

		public @Nullable DataSize getMaxTransmissionUnit() {
			return this.maxTransmissionUnit;
		}

		public void setMaxTransmissionUnit(@Nullable DataSize maxTransmissionUnit) {
			this.maxTransmissionUnit = maxTransmissionUnit;
		}

		public int getConnectorThreads() {
			return this.connectorThreads;
		}

		public void setConnectorThreads(int connectorThreads) {
			this.connectorThreads = connectorThreads;
		}

		public int getReceiverThreads() {
			return this.receiverThreads;
		}

		public void setReceiverThreads(int receiverThreads) {
			this.receiverThreads = receiverThreads;
		}

		public Psk getPsk() {
			return this.psk;
		}

		public Rpk getRpk() {
			return this.rpk;
		}

		public Handshake getHandshake() {
			return this.handshake;
		}

		public Session getSession() {
			return this.session;
		}

		/**
		 * Pre-shared keys.
		 */
		public static class Psk {

			/**
			 * Pre-shared keys by PSK identity. A secret is UTF-8 text, or 'base64:' followed by the Base64
			 * encoded key bytes. Write an identity with characters other than letters, digits and '-' in
			 * brackets: 'coap.server.dtls.psk.identities[device.7]'.
			 */
			private Map<String, String> identities = new LinkedHashMap<>();

			public Map<String, String> getIdentities() {
				return this.identities;
			}

			public void setIdentities(Map<String, String> identities) {
				this.identities = identities;
			}

		}

		/**
		 * Raw public keys (RFC 7250).
		 */
		public static class Rpk {

			/**
			 * Raw public keys of clients trusted in raw-public-key handshakes: each a PEM 'PUBLIC KEY' block
			 * or the location of a file holding such blocks, for example 'classpath:clients.pem'.
			 */
			private List<String> trustedKeys = new ArrayList<>();

			public List<String> getTrustedKeys() {
				return this.trustedKeys;
			}

			public void setTrustedKeys(List<String> trustedKeys) {
				this.trustedKeys = trustedKeys;
			}

		}

		/**
		 * DTLS handshakes.
		 */
		public static class Handshake {

			/**
			 * Initial time to wait before a handshake flight is sent again.
			 */
			private Duration retransmissionTimeout = Duration.ofSeconds(2);

			/**
			 * Longest time to wait before a handshake flight is sent again, however often it was repeated.
			 */
			private Duration maxRetransmissionTimeout = Duration.ofSeconds(60);

			/**
			 * How often a handshake flight is sent again before the handshake fails.
			 */
			private int maxRetransmissions = 4;

			/**
			 * Largest number of handshake results waiting to be processed; beyond it new handshakes are
			 * dropped.
			 */
			private int maxPendingResults = 5000;

			public Duration getRetransmissionTimeout() {
				return this.retransmissionTimeout;
			}

			public void setRetransmissionTimeout(Duration retransmissionTimeout) {
				this.retransmissionTimeout = retransmissionTimeout;
			}

			public Duration getMaxRetransmissionTimeout() {
				return this.maxRetransmissionTimeout;
			}

			public void setMaxRetransmissionTimeout(Duration maxRetransmissionTimeout) {
				this.maxRetransmissionTimeout = maxRetransmissionTimeout;
			}

			public int getMaxRetransmissions() {
				return this.maxRetransmissions;
			}

			public void setMaxRetransmissions(int maxRetransmissions) {
				this.maxRetransmissions = maxRetransmissions;
			}

			public int getMaxPendingResults() {
				return this.maxPendingResults;
			}

			public void setMaxPendingResults(int maxPendingResults) {
				this.maxPendingResults = maxPendingResults;
			}

		}

		/**
		 * DTLS connections and sessions.
		 */
		public static class Session {

			/**
			 * Largest number of DTLS connections kept; a new peer then replaces the connection that has been
			 * stale the longest, or is refused when none is stale.
			 */
			private int maxConnections = 150_000;

			/**
			 * Time without traffic after which a connection is stale and may be replaced by a new peer's.
			 */
			private Duration staleConnectionThreshold = Duration.ofMinutes(30);

			/**
			 * Whether the server assigns session IDs so that clients can resume a session with an abbreviated
			 * handshake.
			 */
			private boolean resumption = true;

			public int getMaxConnections() {
				return this.maxConnections;
			}

			public void setMaxConnections(int maxConnections) {
				this.maxConnections = maxConnections;
			}

			public Duration getStaleConnectionThreshold() {
				return this.staleConnectionThreshold;
			}

			public void setStaleConnectionThreshold(Duration staleConnectionThreshold) {
				this.staleConnectionThreshold = staleConnectionThreshold;
			}

			public boolean isResumption() {
				return this.resumption;
			}

			public void setResumption(boolean resumption) {
				this.resumption = resumption;
			}

		}

	}

	/**
	 * The executor that runs handler methods, so that they never block Californium's protocol threads. With
	 * 'spring.threads.virtual.enabled=true' on a JVM that has virtual threads, each request runs on its own
	 * virtual thread and only the thread name prefix applies.
	 */
	public static class Executor {

		/**
		 * Largest number of handler methods running at once; further requests wait in the queue.
		 */
		private int maxThreads = 32;

		/**
		 * Number of requests that wait for a handler thread; beyond it requests are answered with 5.03 Service
		 * Unavailable.
		 */
		private int queueCapacity = 1000;

		/**
		 * Time after which an idle handler thread ends.
		 */
		private Duration keepAlive = Duration.ofSeconds(60);

		/**
		 * Prefix of the names of handler threads.
		 */
		private String threadNamePrefix = "coap-handler-";

		public int getMaxThreads() {
			return this.maxThreads;
		}

		public void setMaxThreads(int maxThreads) {
			this.maxThreads = maxThreads;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(Duration keepAlive) {
			this.keepAlive = keepAlive;
		}

		public String getThreadNamePrefix() {
			return this.threadNamePrefix;
		}

		public void setThreadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = threadNamePrefix;
		}

	}

	/**
	 * RFC 7252 transmission parameters and the threads and peers of the message layer.
	 */
	public static class Network {

		/**
		 * Initial time to wait for the acknowledgement of a CON message (RFC 7252 ACK_TIMEOUT).
		 */
		private Duration ackTimeout = Duration.ofSeconds(2);

		/**
		 * Random factor applied to the initial acknowledgement timeout (RFC 7252 ACK_RANDOM_FACTOR), at
		 * least 1.0.
		 */
		private float ackRandomFactor = 1.5f;

		/**
		 * Factor by which the acknowledgement timeout grows after each retransmission; RFC 7252 doubles it.
		 */
		private float ackTimeoutScale = 2.0f;

		/**
		 * How often a CON message is retransmitted before giving up (RFC 7252 MAX_RETRANSMIT).
		 */
		private int maxRetransmit = 4;

		/**
		 * Number of simultaneous outstanding interactions with one peer (RFC 7252 NSTART).
		 */
		private int nstart = 1;

		/**
		 * Longest time a datagram is expected to take from sender to receiver (RFC 7252 MAX_LATENCY).
		 */
		private Duration maxLatency = Duration.ofSeconds(100);

		/**
		 * How long a CON message's state is kept (RFC 7252 EXCHANGE_LIFETIME). Unset derives it from the
		 * other parameters as RFC 7252 section 4.8.2 does (247 s with the defaults).
		 */
		private @Nullable Duration exchangeLifetime;

		/**
		 * How long a NON message's state is kept (RFC 7252 NON_LIFETIME). Unset derives it from the other
		 * parameters (145 s with the defaults).
		 */
		private @Nullable Duration nonLifetime;

		/**
		 * How long a handler may take before a CON request gets an empty ACK and the response follows as a
		 * separate CON message.
		 */
		private Duration piggybackReply = Duration.ofMillis(50);

		/**
		 * Threads of the protocol stage that runs the CoAP layers. 0 uses one per CPU core.
		 */
		private int protocolStageThreads = 1;

		/**
		 * Threads receiving datagrams on each UDP endpoint.
		 */
		private int udpReceiverThreads = 1;

		/**
		 * Threads sending datagrams on each UDP endpoint.
		 */
		private int udpSenderThreads = 1;

		/**
		 * Largest number of peers whose state is kept at once; the least recently active peer is evicted
		 * beyond it.
		 */
		private int maxActivePeers = 10_000;

		/**
		 * Time after which the state of a silent peer may be discarded.
		 */
		private Duration maxPeerInactivityPeriod = Duration.ofMinutes(10);

		/**
		 * Whether to drop a message's payload and options from the exchange state once its response is sent,
		 * keeping only what deduplication needs.
		 */
		private boolean messageOffloading = true;

		public Duration getAckTimeout() {
			return this.ackTimeout;
		}

		public void setAckTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
		}

		public float getAckRandomFactor() {
			return this.ackRandomFactor;
		}

		public void setAckRandomFactor(float ackRandomFactor) {
			this.ackRandomFactor = ackRandomFactor;
		}

		public float getAckTimeoutScale() {
			return this.ackTimeoutScale;
		}

		public void setAckTimeoutScale(float ackTimeoutScale) {
			this.ackTimeoutScale = ackTimeoutScale;
		}

		public int getMaxRetransmit() {
			return this.maxRetransmit;
		}

		public void setMaxRetransmit(int maxRetransmit) {
			this.maxRetransmit = maxRetransmit;
		}

		public int getNstart() {
			return this.nstart;
		}

		public void setNstart(int nstart) {
			this.nstart = nstart;
		}

		public Duration getMaxLatency() {
			return this.maxLatency;
		}

		public void setMaxLatency(Duration maxLatency) {
			this.maxLatency = maxLatency;
		}

		public @Nullable Duration getExchangeLifetime() {
			return this.exchangeLifetime;
		}

		public void setExchangeLifetime(@Nullable Duration exchangeLifetime) {
			this.exchangeLifetime = exchangeLifetime;
		}

		public @Nullable Duration getNonLifetime() {
			return this.nonLifetime;
		}

		public void setNonLifetime(@Nullable Duration nonLifetime) {
			this.nonLifetime = nonLifetime;
		}

		public Duration getPiggybackReply() {
			return this.piggybackReply;
		}

		public void setPiggybackReply(Duration piggybackReply) {
			this.piggybackReply = piggybackReply;
		}

		public int getProtocolStageThreads() {
			return this.protocolStageThreads;
		}

		public void setProtocolStageThreads(int protocolStageThreads) {
			this.protocolStageThreads = protocolStageThreads;
		}

		public int getUdpReceiverThreads() {
			return this.udpReceiverThreads;
		}

		public void setUdpReceiverThreads(int udpReceiverThreads) {
			this.udpReceiverThreads = udpReceiverThreads;
		}

		public int getUdpSenderThreads() {
			return this.udpSenderThreads;
		}

		public void setUdpSenderThreads(int udpSenderThreads) {
			this.udpSenderThreads = udpSenderThreads;
		}

		public int getMaxActivePeers() {
			return this.maxActivePeers;
		}

		public void setMaxActivePeers(int maxActivePeers) {
			this.maxActivePeers = maxActivePeers;
		}

		public Duration getMaxPeerInactivityPeriod() {
			return this.maxPeerInactivityPeriod;
		}

		public void setMaxPeerInactivityPeriod(Duration maxPeerInactivityPeriod) {
			this.maxPeerInactivityPeriod = maxPeerInactivityPeriod;
		}

		public boolean isMessageOffloading() {
			return this.messageOffloading;
		}

		public void setMessageOffloading(boolean messageOffloading) {
			this.messageOffloading = messageOffloading;
		}

	}

	/**
	 * Block-wise transfers (RFC 7959).
	 */
	public static class Blockwise {

		/**
		 * Largest message sent or accepted before block-wise transfer is used.
		 */
		private DataSize maxMessageSize = DataSize.ofBytes(1024);

		/**
		 * Block size offered in block-wise transfers: a power of two from 16 to 1024 bytes.
		 */
		private DataSize preferredBlockSize = DataSize.ofBytes(512);

		/**
		 * Largest request or response body assembled from blocks; a larger request body gets 4.13.
		 */
		private DataSize maxResourceBodySize = DataSize.ofKilobytes(8);

		/**
		 * How long the state of an unfinished block-wise transfer is kept.
		 */
		private Duration statusLifetime = Duration.ofMinutes(5);

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public DataSize getPreferredBlockSize() {
			return this.preferredBlockSize;
		}

		public void setPreferredBlockSize(DataSize preferredBlockSize) {
			this.preferredBlockSize = preferredBlockSize;
		}

		public DataSize getMaxResourceBodySize() {
			return this.maxResourceBodySize;
		}

		public void setMaxResourceBodySize(DataSize maxResourceBodySize) {
			this.maxResourceBodySize = maxResourceBodySize;
		}

		public Duration getStatusLifetime() {
			return this.statusLifetime;
		}

		public void setStatusLifetime(Duration statusLifetime) {
			this.statusLifetime = statusLifetime;
		}

	}

	/**
	 * Duplicate detection of retransmitted messages (RFC 7252 section 4.5).
	 */
	public static class Deduplication {

		/**
		 * Deduplication algorithm. The default keeps a bounded window of recent messages per peer, within a
		 * total bound ('max-messages') over all peers.
		 */
		private DeduplicationMode mode = DeduplicationMode.PEERS_MARK_AND_SWEEP;

		/**
		 * Interval between sweeps of expired entries (mark-and-sweep modes) or the rotation period
		 * (crop-rotation mode).
		 */
		private Duration sweepInterval = Duration.ofSeconds(10);

		/**
		 * Messages remembered per peer in 'peers-mark-and-sweep' mode; a peer with more messages in flight
		 * within the exchange lifetime may see an old retransmission processed again. At least 4.
		 */
		private int messagesPerPeer = 64;

		/**
		 * Largest number of messages each endpoint remembers for deduplication, over all peers, in the
		 * 'peers-mark-and-sweep' and 'mark-and-sweep' modes; beyond it the oldest message of the least recently
		 * active peer is forgotten. The peers remembered are bounded by 'coap.network.max-active-peers' as well.
		 */
		private int maxMessages = 20_000;

		public DeduplicationMode getMode() {
			return this.mode;
		}

		public void setMode(DeduplicationMode mode) {
			this.mode = mode;
		}

		public Duration getSweepInterval() {
			return this.sweepInterval;
		}

		public void setSweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
		}

		public int getMessagesPerPeer() {
			return this.messagesPerPeer;
		}

		public void setMessagesPerPeer(int messagesPerPeer) {
			this.messagesPerPeer = messagesPerPeer;
		}

		public int getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

	}

	/**
	 * Server-side observe (RFC 7641).
	 */
	public static class Observe {

		/**
		 * Message type of the notifications of mapped resources: NON with a periodic CON check, CON, or REQUEST for
		 * the type of the registration.
		 */
		private NotificationType notificationType = NotificationType.NON;

		/**
		 * Number of notifications after which one is sent as CON to check that the observer is still there.
		 */
		private int notificationCheckIntervalCount = 100;

		/**
		 * Time after which a notification is sent as CON to check that the observer is still there.
		 */
		private Duration notificationCheckIntervalTime = Duration.ofMinutes(2);

		/**
		 * Whether an observer that got no notification for 'notification-check-interval-time' is sent the
		 * current state again, as CON, so that an observer that left without saying so is dropped even on a
		 * resource that rarely changes.
		 */
		private boolean keepAlive = true;

		/**
		 * Largest number of observe relations one peer (address and port) may have over all mapped resources;
		 * a further registration is answered 5.03 Service Unavailable with a Max-Age. 0 for no limit.
		 */
		private int maxObserversPerPeer = 64;

		/**
		 * Largest number of observe relations the server keeps; a further registration is answered 5.03
		 * Service Unavailable with a Max-Age. 0 for no limit.
		 */
		private int maxObservers = 50_000;

		public NotificationType getNotificationType() {
			return this.notificationType;
		}

		public void setNotificationType(NotificationType notificationType) {
			this.notificationType = notificationType;
		}

		public int getNotificationCheckIntervalCount() {
			return this.notificationCheckIntervalCount;
		}

		public void setNotificationCheckIntervalCount(int notificationCheckIntervalCount) {
			this.notificationCheckIntervalCount = notificationCheckIntervalCount;
		}

		public Duration getNotificationCheckIntervalTime() {
			return this.notificationCheckIntervalTime;
		}

		public void setNotificationCheckIntervalTime(Duration notificationCheckIntervalTime) {
			this.notificationCheckIntervalTime = notificationCheckIntervalTime;
		}

		public int getMaxObservers() {
			return this.maxObservers;
		}

		public boolean isKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(boolean keepAlive) {
			this.keepAlive = keepAlive;
		}

		public int getMaxObserversPerPeer() {
			return this.maxObserversPerPeer;
		}

		public void setMaxObserversPerPeer(int maxObserversPerPeer) {
			this.maxObserversPerPeer = maxObserversPerPeer;
		}

		public void setMaxObservers(int maxObservers) {
			this.maxObservers = maxObservers;
		}

	}

	/**
	 * Listening to multicast groups (RFC 7252 section 8, RFC 7390), besides the server's unicast endpoint.
	 */
	public static class Multicast {

		/**
		 * Whether the server joins multicast groups, such as All CoAP Nodes, and answers requests sent to them.
		 */
		private boolean enabled;

		/**
		 * Multicast groups to join: by default All CoAP Nodes for IPv4 (224.0.1.187) and IPv6, link-local
		 * (ff02::fd) and site-local (ff05::fd).
		 */
		private List<InetAddress> groups = new ArrayList<>(
				List.of(CoAP.MULTICAST_IPV4, CoAP.MULTICAST_IPV6_LINKLOCAL, CoAP.MULTICAST_IPV6_SITELOCAL));

		/**
		 * UDP port the groups are listened to on. Usually the unicast port 'coap.server.port'.
		 */
		private int port = 5683;

		// no field named 'interface' (a Java keyword): its description is in additional metadata
		private @Nullable String interfaceName;

		/**
		 * Longest random delay before the answer to a multicast request is sent, so that the nodes of a group do
		 * not all answer at once (RFC 7252 section 8.2, Leisure).
		 */
		private Duration leisure = Duration.ofSeconds(5);

		/**
		 * Whether to join the groups on the loopback interface as well when no 'coap.multicast.interface' is
		 * set, so that clients on the same host can reach the server without a network, as in tests.
		 */
		private boolean loopback;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<InetAddress> getGroups() {
			return this.groups;
		}

		public void setGroups(List<InetAddress> groups) {
			this.groups = groups;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getInterface() {
			return this.interfaceName;
		}

		public void setInterface(@Nullable String interfaceName) {
			this.interfaceName = interfaceName;
		}

		public Duration getLeisure() {
			return this.leisure;
		}

		public void setLeisure(Duration leisure) {
			this.leisure = leisure;
		}

		public boolean isLoopback() {
			return this.loopback;
		}

		public void setLoopback(boolean loopback) {
			this.loopback = loopback;
		}

	}

	/**
	 * Defaults of outbound requests, applied to the auto-configured CoapTemplateBuilder.
	 */
	public static class Client {

		/**
		 * Base URI that relative request URIs are resolved against, for instance 'coap://[fd00::7]:5683/api'.
		 */
		private @Nullable String baseUri;

		/**
		 * Longest time to wait for a response, retransmissions and block-wise transfers included.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Whether requests are sent as CON (retransmitted until acknowledged) rather than NON.
		 */
		private boolean confirmable = true;

		/**
		 * Accept option of requests that set none: a media type such as 'application/cbor' or a
		 * Content-Format number. Unset sends no Accept option.
		 */
		private @Nullable String accept;

		/**
		 * Content-Format request bodies are written in when a request sets none: a media type or a
		 * Content-Format number. Unset lets the converters choose from the body type.
		 */
		private @Nullable String contentFormat;

		/**
		 * How often a CON request is retransmitted before giving up, 0 to 20. Unset uses
		 * 'coap.network.max-retransmit'.
		 */
		private @Nullable Integer maxRetransmit;

		/**
		 * Block size of block-wise transfers, a power of two from 16B to 1024B. Unset uses
		 * 'coap.blockwise.preferred-block-size'.
		 */
		private @Nullable DataSize blockSize;

		/**
		 * Largest body a response may carry, assembled from blocks, and a request may send. Unset uses
		 * 'coap.blockwise.max-resource-body-size'.
		 */
		private @Nullable DataSize maxBodySize;

		/**
		 * How long resource discovery on a multicast group collects responses. Longer than the 5 s leisure by
		 * which servers delay their answers to multicast requests (RFC 7252 section 8.2).
		 */
		private Duration multicastWindow = Duration.ofSeconds(6);

		/**
		 * Network interface multicast requests leave from, by name, for instance 'eth0'. Unset lets the
		 * operating system choose by its routes.
		 */
		private @Nullable String multicastInterface;

		/**
		 * Extra time, after the Max-Age of the latest notification, before an observation without news
		 * registers again.
		 */
		private Duration reregistrationBackoff = Duration.ofSeconds(2);

		private final ClientDtls dtls = new ClientDtls();

		private final ClientTls tls = new ClientTls();

		private final ClientTcp tcp = new ClientTcp();

		public @Nullable String getBaseUri() {
			return this.baseUri;
		}

		public void setBaseUri(@Nullable String baseUri) {
			this.baseUri = baseUri;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isConfirmable() {
			return this.confirmable;
		}

		public void setConfirmable(boolean confirmable) {
			this.confirmable = confirmable;
		}

		public @Nullable String getAccept() {
			return this.accept;
		}

		public void setAccept(@Nullable String accept) {
			this.accept = accept;
		}

		public @Nullable String getContentFormat() {
			return this.contentFormat;
		}

		public void setContentFormat(@Nullable String contentFormat) {
			this.contentFormat = contentFormat;
		}

		public @Nullable Integer getMaxRetransmit() {
			return this.maxRetransmit;
		}

		public void setMaxRetransmit(@Nullable Integer maxRetransmit) {
			this.maxRetransmit = maxRetransmit;
		}

		public @Nullable DataSize getBlockSize() {
			return this.blockSize;
		}

		public void setBlockSize(@Nullable DataSize blockSize) {
			this.blockSize = blockSize;
		}

		public @Nullable DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(@Nullable DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public Duration getMulticastWindow() {
			return this.multicastWindow;
		}

		public void setMulticastWindow(Duration multicastWindow) {
			this.multicastWindow = multicastWindow;
		}

		public @Nullable String getMulticastInterface() {
			return this.multicastInterface;
		}

		public void setMulticastInterface(@Nullable String multicastInterface) {
			this.multicastInterface = multicastInterface;
		}

		public Duration getReregistrationBackoff() {
			return this.reregistrationBackoff;
		}

		public void setReregistrationBackoff(Duration reregistrationBackoff) {
			this.reregistrationBackoff = reregistrationBackoff;
		}

		public ClientDtls getDtls() {
			return this.dtls;
		}

		public ClientTls getTls() {
			return this.tls;
		}

		public ClientTcp getTcp() {
			return this.tcp;
		}

	}

	/**
	 * Connections of 'coap+tcp://' and 'coaps+tcp://' requests of the auto-configured client endpoints.
	 */
	public static class ClientTcp {

		/**
		 * Time without a message from the server after which the client sends it a Ping (RFC 8323 section 5.4);
		 * a server that answers nothing within another interval is aborted. With Pings, an idle connection stays
		 * open while the server answers; without, it is closed after Californium's TCP idle timeout (10 s by
		 * default). 0 sends none.
		 */
		private Duration pingInterval = Duration.ZERO;

		public Duration getPingInterval() {
			return this.pingInterval;
		}

		public void setPingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
		}

	}

	/**
	 * TLS trust of 'coaps+tcp://' requests of the auto-configured CoapTemplateBuilder. Needs
	 * org.eclipse.californium:element-connector-tcp-netty on the classpath.
	 */
	public static class ClientTls {

		/**
		 * Name of the SSL bundle ('spring.ssl.bundle.*') of 'coaps+tcp://' requests: its trust store holds the
		 * certificates that server certificates must chain to, its key store (optional) the client's own
		 * private key and certificate chain.
		 */
		private @Nullable String sslBundle;

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

	}

	/**
	 * DTLS credentials of 'coaps://' requests of the auto-configured CoapTemplateBuilder. Needs
	 * org.eclipse.californium:scandium on the classpath.
	 */
	public static class ClientDtls {

		/**
		 * Name of the SSL bundle ('spring.ssl.bundle.*') of X.509 handshakes: its trust store holds the CA
		 * certificates that server certificates must chain to, its key store (optional) the client's own
		 * private key and certificate chain.
		 */
		private @Nullable String sslBundle;

		private final ClientPsk psk = new ClientPsk();

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public ClientPsk getPsk() {
			return this.psk;
		}

	}

	/**
	 * The pre-shared key of a client.
	 */
	public static class ClientPsk {

		/**
		 * PSK identity presented in DTLS handshakes.
		 */
		private @Nullable String identity;

		/**
		 * Secret of the pre-shared key: UTF-8 text, or 'base64:' followed by the Base64-encoded key bytes.
		 */
		private @Nullable String secret;

		public @Nullable String getIdentity() {
			return this.identity;
		}

		public void setIdentity(@Nullable String identity) {
			this.identity = identity;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

	}

	/**
	 * The forward proxy (RFC 7252 section 5.7) and the HTTP-CoAP cross-proxy (RFC 8075).
	 */
	public static class Proxy {

		/**
		 * Whether requests carrying a Proxy-Uri or Proxy-Scheme option are forwarded to their destination
		 * instead of being dispatched to the application's handlers.
		 */
		private boolean enabled;

		/**
		 * Destinations the proxy may forward to, as '[scheme://]host[:ports]': the host a name (a leading '*.'
		 * matches any subdomain), an IP address or a CIDR range, the ports a port, a range such as '8000-8099'
		 * or '*', for instance 'coap://sensor.local:5683' or 'http://10.0.0.0/8:80'. Without ports only the
		 * scheme's default port is allowed, without scheme every scheme. Loopback, link-local and this host's
		 * own addresses are refused, also when an allowed name resolves to them, unless an entry lists them as
		 * addresses. A request for any other destination is refused with 4.03 Forbidden; empty refuses every
		 * request.
		 */
		private List<String> allowedDestinations = new ArrayList<>();

		/**
		 * URI schemes the proxy forwards to, by default 'coap', 'http' and 'https'. 'http' and 'https' need
		 * Spring's RestClient (spring-web) on the classpath, another scheme an application's ProxyClient bean.
		 * A request for any other scheme is answered with 5.05 Proxying Not Supported.
		 */
		private List<String> schemes = new ArrayList<>(List.of("coap", "http", "https"));

		/**
		 * Longest time to wait for the destination's response before answering 5.04 Gateway Timeout.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		private final Cache cache = new Cache();

		private final Http http = new Http();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getAllowedDestinations() {
			return this.allowedDestinations;
		}

		public void setAllowedDestinations(List<String> allowedDestinations) {
			this.allowedDestinations = allowedDestinations;
		}

		public List<String> getSchemes() {
			return this.schemes;
		}

		public void setSchemes(List<String> schemes) {
			this.schemes = schemes;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Cache getCache() {
			return this.cache;
		}

		public Http getHttp() {
			return this.http;
		}

		/**
		 * The proxy's response cache (RFC 7252 section 5.6).
		 */
		public static class Cache {

			/**
			 * Whether the proxy caches responses to GET requests and serves them while fresh (Max-Age),
			 * revalidating stale ones with their ETag.
			 */
			private boolean enabled = true;

			/**
			 * Largest number of cached responses; the least recently used are evicted beyond it.
			 */
			private int maxEntries = 10_000;

			/**
			 * Largest total size of the cached responses; the least recently used are evicted beyond it.
			 */
			private DataSize maxSize = DataSize.ofMegabytes(8);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public int getMaxEntries() {
				return this.maxEntries;
			}

			public void setMaxEntries(int maxEntries) {
				this.maxEntries = maxEntries;
			}

			public DataSize getMaxSize() {
				return this.maxSize;
			}

			public void setMaxSize(DataSize maxSize) {
				this.maxSize = maxSize;
			}

		}

		/**
		 * The HTTP to CoAP gateway (RFC 8075) on the application's Spring MVC server.
		 */
		public static class Http {

			/**
			 * Whether HTTP requests under the path prefix are mapped to CoAP requests (RFC 8075). Needs
			 * Spring MVC.
			 */
			private boolean enabled;

			/**
			 * Path under which HTTP requests are mapped to CoAP: '{path-prefix}/{host}[:{port}]/{path}'
			 * forwards to 'coap://{host}[:{port}]/{path}'.
			 */
			private String pathPrefix = "/coap";

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public String getPathPrefix() {
				return this.pathPrefix;
			}

			public void setPathPrefix(String pathPrefix) {
				this.pathPrefix = pathPrefix;
			}

		}

	}

}
