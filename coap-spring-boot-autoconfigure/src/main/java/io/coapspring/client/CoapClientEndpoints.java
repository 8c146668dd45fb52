package io.coapspring.client;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.coapspring.client.dtls.DtlsClientConnectorFactory;
import io.coapspring.client.dtls.DtlsClientCredentials;
import io.coapspring.transport.tcp.TcpClientEndpoints;
import io.coapspring.transport.websocket.WebSocketClientConnector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.CoapStackFactory;
import org.eclipse.californium.core.network.interceptors.MessageInterceptor;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.DaemonThreadFactory;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The UDP and DTLS endpoints {@link CoapTemplate}s send from, and the threads behind them: node-coap's
 * {@code globalAgent} and {@code globalAgentIPv6}.
 * <p>
 * One endpoint bound to the IPv4 wildcard address and one bound to the IPv6 wildcard address are created on
 * first use, with the application's in-memory Californium {@link Configuration} and {@link OptionRegistry}.
 * A request that asks for a block size other than the configured one uses an endpoint of that block size,
 * also created on first use, since Californium's block-wise layer takes the Block1 size from its endpoint. A
 * request to a multicast group that must leave from a given network interface uses an endpoint whose socket
 * sends multicast from that interface, one per interface and address family, created on first use.
 * <p>
 * {@code coaps} requests go through DTLS endpoints, one per address family, block size and
 * {@link DtlsClientCredentials}, created on first use on a Scandium connector
 * ({@link DtlsClientConnectorFactory}) and kept open, so that requests to the same server reuse its DTLS
 * session: templates with equal credentials share them. A {@code coaps} request that gets no response marks the
 * session with that server as stale, and the next request to it starts with a new handshake: the server may
 * have lost the session (a restart), and would otherwise drop every later request of the old one.
 * {@link #close()} stops the endpoints and the executors; the auto-configured instance is closed with the
 * application context.
 * <p>
 * {@link #forEndpoint(Endpoint, OptionRegistry)} wraps one given endpoint instead, for instance the server's,
 * so that requests leave from the server's port; that endpoint is only stopped here if it was started here.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapClientEndpoints implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CoapClientEndpoints.class);

	private static final long SHUTDOWN_WAIT_MILLIS = 1000;

	private static final int MAX_STALE_DTLS_SESSIONS = 4096;

	private static final String TCP_CONNECTOR_CLASS = "org.eclipse.californium.elements.tcp.netty.TcpClientConnector";

	private final Configuration configuration;

	private final OptionRegistry optionRegistry;

	private final @Nullable Endpoint fixedEndpoint;

	private final String name;

	private final Map<EndpointKey, Endpoint> endpoints = new LinkedHashMap<>();

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private final Set<DtlsPeer> staleDtlsSessions = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledExecutorService mainExecutor;

	private @Nullable ScheduledThreadPoolExecutor scheduler;

	private @Nullable ExecutorService callbackExecutor;

	private boolean startedFixedEndpoint;

	private @Nullable Endpoint tcpEndpoint;

	private final Map<SslBundle, Endpoint> tlsEndpoints = new LinkedHashMap<>();

	private @Nullable Endpoint webSocketEndpoint;

	private boolean closed;

	private @Nullable CoapStackFactory coapStackFactory;

	private @Nullable Object coapStackArgument;

	private @Nullable CoapClientRequestInitializer requestInitializer;

	private Duration tcpPingInterval = Duration.ZERO;

	private final List<MessageInterceptor> interceptors = new CopyOnWriteArrayList<>();

	/**
	 * Create endpoints that are bound on first use.
	 * @param configuration the Californium configuration of the endpoints
	 * @param optionRegistry the registry of the options the endpoints parse and the client resolves by name
	 */
	public CoapClientEndpoints(Configuration configuration, OptionRegistry optionRegistry) {
		this(configuration, optionRegistry, null, "CoapClient");
	}

	private CoapClientEndpoints(Configuration configuration, OptionRegistry optionRegistry,
			@Nullable Endpoint fixedEndpoint, String name) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(optionRegistry, "'optionRegistry' must not be null");
		this.configuration = configuration;
		this.optionRegistry = optionRegistry;
		this.fixedEndpoint = fixedEndpoint;
		this.name = name;
	}

	/**
	 * Use one given endpoint for every request, whatever the address family and block size.
	 * @param endpoint the endpoint; if it is not started, it is started on first use with executors of these
	 * endpoints and destroyed by {@link #close()}
	 * @param optionRegistry the registry the client resolves option names with
	 * @return endpoints that always answer the given one
	 */
	public static CoapClientEndpoints forEndpoint(Endpoint endpoint, OptionRegistry optionRegistry) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		return new CoapClientEndpoints(endpoint.getConfig(), optionRegistry, endpoint, "CoapClient(fixed)");
	}

	/**
	 * Create new endpoints with the same configuration, which bind their own sockets (node-coap's
	 * {@code new Agent()}).
	 * @return endpoints the caller must close
	 */
	public CoapClientEndpoints createDedicated() {
		CoapClientEndpoints dedicated = new CoapClientEndpoints(this.configuration, this.optionRegistry, null,
				"CoapClient(dedicated)");
		dedicated.setCoapStackFactory(this.coapStackFactory, this.coapStackArgument);
		dedicated.setRequestInitializer(this.requestInitializer);
		dedicated.setTcpPingInterval(this.tcpPingInterval);
		this.interceptors.forEach(dedicated::addInterceptor);
		return dedicated;
	}

	/**
	 * Set the factory of the protocol stack of the UDP and DTLS endpoints created from now on, for instance
	 * Californium's OSCORE stack ({@code OSCoreCoapStackFactory}) with its security context database.
	 * @param coapStackFactory the factory, or {@code null} for Californium's standard stack
	 * @param coapStackArgument the custom argument the factory receives, may be {@code null}
	 */
	public synchronized void setCoapStackFactory(@Nullable CoapStackFactory coapStackFactory,
			@Nullable Object coapStackArgument) {
		this.coapStackFactory = coapStackFactory;
		this.coapStackArgument = coapStackArgument;
	}

	/**
	 * Set the keep-alive of the TCP and TLS connections of the endpoints created from now on: a server silent
	 * for this long is sent a Ping (RFC 8323 section 5.4), and the connection is aborted if it stays silent for
	 * another interval. An idle connection whose server answers stays open, instead of closing after
	 * Californium's TCP idle timeout.
	 * @param pingInterval the interval, zero for no Pings
	 */
	public synchronized void setTcpPingInterval(Duration pingInterval) {
		Assert.notNull(pingInterval, "'pingInterval' must not be null");
		Assert.isTrue(!pingInterval.isNegative(), "'pingInterval' must not be negative");
		this.tcpPingInterval = pingInterval;
	}

	/**
	 * Set the initializer that adjusts every request templates prepare with these endpoints, after its options
	 * are set and before it is sent: for instance marking requests to OSCORE peers for protection.
	 * @param requestInitializer the initializer, or {@code null} for none
	 */
	public synchronized void setRequestInitializer(@Nullable CoapClientRequestInitializer requestInitializer) {
		this.requestInitializer = requestInitializer;
	}

	/**
	 * Add an interceptor to the UDP and DTLS endpoints created from now on.
	 * @param interceptor the interceptor
	 */
	public void addInterceptor(MessageInterceptor interceptor) {
		Assert.notNull(interceptor, "'interceptor' must not be null");
		this.interceptors.add(interceptor);
	}

	/**
	 * Return the initializer of outgoing requests.
	 * @return the initializer, or {@code null} if there is none
	 */
	public synchronized @Nullable CoapClientRequestInitializer getRequestInitializer() {
		return this.requestInitializer;
	}

	/**
	 * Return the Californium configuration of the endpoints.
	 * @return the configuration
	 */
	public Configuration getConfiguration() {
		return this.configuration;
	}

	/**
	 * Return the option registry.
	 * @return the registry
	 */
	public OptionRegistry getOptionRegistry() {
		return this.optionRegistry;
	}

	/**
	 * Return the endpoint for requests to the given destination, binding it on first use.
	 * @param destination the destination address; its family selects the endpoint
	 * @param blockSize the block size of block-wise transfers, or 0 for the configured one
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be bound
	 * @throws IllegalStateException if these endpoints are closed
	 */
	public synchronized Endpoint getEndpoint(InetAddress destination, int blockSize) {
		return getEndpoint(destination, blockSize, null);
	}

	/**
	 * Return the DTLS endpoint for {@code coaps} requests to the given destination, with the given
	 * credentials, binding it on first use.
	 * @param destination the destination address; its family selects the endpoint
	 * @param blockSize the block size of block-wise transfers, or 0 for the configured one
	 * @param credentials the credentials the endpoint authenticates with and verifies servers with
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be bound
	 * @throws IllegalStateException if these endpoints are closed, or wrap a fixed endpoint that does not
	 * speak DTLS
	 */
	public synchronized Endpoint getSecureEndpoint(InetAddress destination, int blockSize,
			DtlsClientCredentials credentials) {
		Assert.notNull(credentials, "'credentials' must not be null");
		return getEndpoint(destination, blockSize, credentials);
	}

	private Endpoint getEndpoint(InetAddress destination, int blockSize,
			@Nullable DtlsClientCredentials credentials) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		if (this.fixedEndpoint != null) {
			return fixedEndpoint(credentials != null);
		}
		boolean ipv6 = destination instanceof Inet6Address;
		int configured = this.configuration.get(CoapConfig.PREFERRED_BLOCK_SIZE);
		int size = (blockSize <= 0) ? configured : blockSize;
		EndpointKey key = new EndpointKey(ipv6, (size != configured) ? size : 0, credentials, null);
		Endpoint endpoint = this.endpoints.get(key);
		if (endpoint == null) {
			endpoint = createEndpoint(key, size, configured);
			this.endpoints.put(key, endpoint);
		}
		return endpoint;
	}

	private Endpoint fixedEndpoint(boolean secure) {
		Endpoint fixed = this.fixedEndpoint;
		Assert.state(fixed != null, "No fixed endpoint");
		String scheme = fixed.getUri().getScheme();
		boolean fixedSecure = CoAP.COAP_SECURE_URI_SCHEME.equals(scheme);
		Assert.state(secure == fixedSecure, () -> "The template sends every request from the endpoint "
				+ fixed.getUri() + ", which cannot send " + (secure ? "coaps" : "coap") + " requests");
		if (!fixed.isStarted()) {
			startIfNeeded(fixed);
			this.startedFixedEndpoint = true;
		}
		return fixed;
	}

	/**
	 * Return the endpoint for {@code coap+tcp} requests (RFC 8323), creating it on first use: one endpoint
	 * whose connector keeps one connection per server, opened on the first request and closed when idle. It
	 * needs {@code org.eclipse.californium:element-connector-tcp-netty}.
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be started
	 * @throws IllegalStateException if these endpoints are closed, wrap a fixed endpoint, or the Netty
	 * connector is not on the classpath
	 */
	public synchronized Endpoint getTcpEndpoint() {
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		Assert.state(this.fixedEndpoint == null, () -> "The template sends every request from the endpoint "
				+ this.fixedEndpoint.getUri() + ", which cannot send coap+tcp requests");
		if (this.tcpEndpoint == null) {
			requireTcpConnector("coap+tcp");
			Endpoint endpoint = TcpClientEndpoints.create(this.configuration, this.optionRegistry,
					this.name + "-tcp", this.tcpPingInterval);
			startIfNeeded(endpoint);
			this.tcpEndpoint = endpoint;
		}
		return this.tcpEndpoint;
	}

	/**
	 * Return the endpoint for {@code coaps+tcp} requests (RFC 8323 over TLS) with the trust and key of an SSL
	 * bundle, creating it on first use: one endpoint per bundle, whose connector keeps one TLS connection per
	 * server, opened on the first request and closed when idle. It needs
	 * {@code org.eclipse.californium:element-connector-tcp-netty}.
	 * @param bundle the bundle: its trust store holds the certificates server certificates must chain to, its
	 * key store (optional) the client's key and certificate chain for servers that ask for one
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be started
	 * @throws IllegalStateException if these endpoints are closed, wrap a fixed endpoint, or the Netty
	 * connector is not on the classpath
	 */
	public synchronized Endpoint getTlsEndpoint(SslBundle bundle) {
		Assert.notNull(bundle, "'bundle' must not be null");
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		Assert.state(this.fixedEndpoint == null, () -> "The template sends every request from the endpoint "
				+ this.fixedEndpoint.getUri() + ", which cannot send coaps+tcp requests");
		Endpoint endpoint = this.tlsEndpoints.get(bundle);
		if (endpoint == null) {
			requireTcpConnector("coaps+tcp");
			endpoint = TcpClientEndpoints.createTls(this.configuration, this.optionRegistry,
					this.name + "-tls" + this.tlsEndpoints.size(), bundle.createSslContext(), this.tcpPingInterval);
			startIfNeeded(endpoint);
			this.tlsEndpoints.put(bundle, endpoint);
		}
		return endpoint;
	}

	private void requireTcpConnector(String scheme) {
		Assert.state(ClassUtils.isPresent(TCP_CONNECTOR_CLASS, getClass().getClassLoader()),
				() -> scheme + " requests need Californium's TCP connector: add the dependency "
						+ "'org.eclipse.californium:element-connector-tcp-netty' to the application");
	}

	/**
	 * Return the endpoint for {@code coap+ws} requests (RFC 8323 section 4), creating it on first use: one
	 * endpoint whose connector keeps one WebSocket connection per server (at {@code /.well-known/coap}, on the
	 * JDK's WebSocket client), opened on the first request.
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be started
	 * @throws IllegalStateException if these endpoints are closed or wrap a fixed endpoint
	 */
	public synchronized Endpoint getWebSocketEndpoint() {
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		Assert.state(this.fixedEndpoint == null, () -> "The template sends every request from the endpoint "
				+ this.fixedEndpoint.getUri() + ", which cannot send coap+ws requests");
		if (this.webSocketEndpoint == null) {
			Endpoint endpoint = WebSocketClientConnector.createEndpoint(this.configuration, this.optionRegistry);
			startIfNeeded(endpoint);
			this.webSocketEndpoint = endpoint;
		}
		return this.webSocketEndpoint;
	}

	/**
	 * Return the endpoint for requests to a multicast group that leave from the given network interface,
	 * binding it on first use: its socket sends multicast datagrams from that interface ({@code IP_MULTICAST_IF}).
	 * @param destination the destination address; its family selects the endpoint
	 * @param multicastInterface the name of the interface multicast requests leave from, or {@code null} for
	 * the operating system's choice; ignored for a unicast destination and by a fixed endpoint, which get the
	 * endpoint of {@link #getEndpoint(InetAddress, int)}
	 * @return a started endpoint
	 * @throws CoapClientException if the endpoint cannot be bound or there is no such interface
	 * @throws IllegalStateException if these endpoints are closed
	 */
	public synchronized Endpoint getMulticastEndpoint(InetAddress destination, @Nullable String multicastInterface) {
		Assert.notNull(destination, "'destination' must not be null");
		if (multicastInterface == null || !destination.isMulticastAddress() || this.fixedEndpoint != null) {
			return getEndpoint(destination, 0);
		}
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		int configured = this.configuration.get(CoapConfig.PREFERRED_BLOCK_SIZE);
		EndpointKey key = new EndpointKey(destination instanceof Inet6Address, 0, null, multicastInterface);
		Endpoint endpoint = this.endpoints.get(key);
		if (endpoint == null) {
			endpoint = createEndpoint(key, configured, configured);
			this.endpoints.put(key, endpoint);
		}
		return endpoint;
	}

	private static NetworkInterface networkInterface(String name) {
		try {
			NetworkInterface networkInterface = NetworkInterface.getByName(name);
			if (networkInterface == null) {
				throw new CoapClientException("There is no network interface named '" + name
						+ "' to send multicast requests from");
			}
			return networkInterface;
		}
		catch (SocketException ex) {
			throw new CoapClientException("Cannot read network interface '" + name + "'", ex);
		}
	}

	/**
	 * Return the endpoints bound so far.
	 * @return the endpoints, the fixed one if any
	 */
	public synchronized List<Endpoint> getEndpoints() {
		if (this.fixedEndpoint != null) {
			return List.of(this.fixedEndpoint);
		}
		List<Endpoint> endpoints = new ArrayList<>(this.endpoints.values());
		if (this.tcpEndpoint != null) {
			endpoints.add(this.tcpEndpoint);
		}
		endpoints.addAll(this.tlsEndpoints.values());
		if (this.webSocketEndpoint != null) {
			endpoints.add(this.webSocketEndpoint);
		}
		return endpoints;
	}

	/**
	 * Return the scheduler of request timeouts and observe re-registrations.
	 * @return the scheduler
	 */
	public synchronized ScheduledThreadPoolExecutor getScheduler() {
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		if (this.scheduler == null) {
			this.scheduler = ExecutorsUtil.newDefaultSecondaryScheduler(this.name + "(secondary)#");
		}
		return this.scheduler;
	}

	/**
	 * Return the executor that converts responses and runs callbacks, so that application code never runs
	 * on Californium's protocol threads.
	 * @return the executor
	 */
	public synchronized Executor getCallbackExecutor() {
		Assert.state(!this.closed, "CoAP client endpoints are closed");
		if (this.callbackExecutor == null) {
			this.callbackExecutor = Executors.newCachedThreadPool(new DaemonThreadFactory(this.name + "(callback)#"));
		}
		return this.callbackExecutor;
	}

	/**
	 * Track the completion of a request or observation, so that {@link #close()} can fail it rather than
	 * leave its caller waiting.
	 * @param completion completes when the request or observation ends
	 */
	void track(CompletableFuture<?> completion) {
		synchronized (this) {
			if (!this.closed) {
				this.inFlight.add(completion);
				completion.whenComplete((result, ex) -> this.inFlight.remove(completion));
				return;
			}
		}
		completion.completeExceptionally(closedException());
	}

	/**
	 * Mark the DTLS session of an endpoint with a server as stale, after a request got no response.
	 * @param endpoint the DTLS endpoint
	 * @param peer the server's address
	 */
	void markDtlsSessionStale(Endpoint endpoint, InetSocketAddress peer) {
		if (this.staleDtlsSessions.size() >= MAX_STALE_DTLS_SESSIONS) {
			// a mark only saves one more timeout; forgetting them keeps the set bounded
			this.staleDtlsSessions.clear();
		}
		this.staleDtlsSessions.add(new DtlsPeer(endpoint, peer));
	}

	/**
	 * Return whether the DTLS session of an endpoint with a server was marked stale, and clear the mark.
	 * @param endpoint the DTLS endpoint
	 * @param peer the server's address
	 * @return {@code true} if the next request should start with a new handshake
	 */
	boolean takeStaleDtlsSession(Endpoint endpoint, InetSocketAddress peer) {
		return !this.staleDtlsSessions.isEmpty() && this.staleDtlsSessions.remove(new DtlsPeer(endpoint, peer));
	}

	private record DtlsPeer(Endpoint endpoint, InetSocketAddress peer) {
	}

	private static CoapClientException closedException() {
		return new CoapClientException("The CoAP client endpoints were closed");
	}

	private Endpoint createEndpoint(EndpointKey key, int blockSize, int configuredBlockSize) {
		Configuration endpointConfiguration = this.configuration;
		if (blockSize != configuredBlockSize) {
			endpointConfiguration = new Configuration(this.configuration);
			endpointConfiguration.set(CoapConfig.PREFERRED_BLOCK_SIZE, blockSize);
			endpointConfiguration.set(CoapConfig.MAX_MESSAGE_SIZE, blockSize);
		}
		InetSocketAddress bindAddress = new InetSocketAddress(wildcard(key.ipv6()), 0);
		String tag = this.name + "-" + key.describe(this.endpoints.size());
		CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(endpointConfiguration)
			.setOptionRegistry(this.optionRegistry)
			.setLoggingTag(tag);
		if (key.credentials() != null) {
			builder.setConnector(DtlsClientConnectorFactory.createConnector(key.credentials(), bindAddress,
					endpointConfiguration, tag));
		}
		else if (key.multicastInterface() != null) {
			builder.setConnector(new MulticastInterfaceUdpConnector(bindAddress, endpointConfiguration,
					networkInterface(key.multicastInterface())));
		}
		else {
			builder.setInetSocketAddress(bindAddress);
		}
		if (this.coapStackFactory != null) {
			builder.setCoapStackFactory(this.coapStackFactory).setCustomCoapStackArgument(this.coapStackArgument);
		}
		CoapEndpoint endpoint = builder.build();
		this.interceptors.forEach(endpoint::addInterceptor);
		startIfNeeded(endpoint);
		if (logger.isDebugEnabled()) {
			logger.debug("CoAP client endpoint " + key + " bound to " + endpoint.getAddress());
		}
		return endpoint;
	}

	private void startIfNeeded(Endpoint endpoint) {
		if (endpoint.isStarted()) {
			return;
		}
		endpoint.setExecutors(mainExecutor(), getScheduler());
		try {
			endpoint.start();
		}
		catch (IOException ex) {
			endpoint.destroy();
			throw new CoapClientException("Could not start CoAP client endpoint " + endpoint.getAddress(), ex);
		}
	}

	/**
	 * What sets endpoints apart: address family, block size (0 for the configured one), DTLS credentials
	 * ({@code null} for plain UDP) and the interface multicast requests leave from ({@code null} for the
	 * operating system's choice).
	 */
	private record EndpointKey(boolean ipv6, int blockSize, @Nullable DtlsClientCredentials credentials,
			@Nullable String multicastInterface) {

		String describe(int index) {
			return ((this.credentials != null) ? "coaps" + index + "-" : "") + (this.ipv6 ? "ipv6" : "ipv4")
					+ ((this.blockSize > 0) ? "-block" + this.blockSize : "")
					+ ((this.multicastInterface != null) ? "-multicast-" + this.multicastInterface : "");
		}

	}

	private ScheduledExecutorService mainExecutor() {
		if (this.mainExecutor == null) {
			int threads = this.configuration.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT);
			if (threads <= 0) {
				threads = Runtime.getRuntime().availableProcessors();
			}
			this.mainExecutor = ExecutorsUtil.newScheduledThreadPool(threads,
					new DaemonThreadFactory(this.name + "(main)#"));
		}
		return this.mainExecutor;
	}

	private static InetAddress wildcard(boolean ipv6) {
		try {
			return InetAddress.getByName(ipv6 ? "::" : "0.0.0.0");
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stop and destroy the endpoints bound here and shut the executors down. Requests still in flight fail
	 * with a {@link CoapClientException}; observations end with one.
	 */
	@Override
	public void close() {
		List<Endpoint> owned;
		List<ExecutorService> executors = new ArrayList<>(3);
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			owned = new ArrayList<>(this.endpoints.values());
			this.endpoints.clear();
			if (this.tcpEndpoint != null) {
				owned.add(this.tcpEndpoint);
			}
			owned.addAll(this.tlsEndpoints.values());
			this.tlsEndpoints.clear();
			if (this.webSocketEndpoint != null) {
				owned.add(this.webSocketEndpoint);
			}
			if (this.fixedEndpoint != null && this.startedFixedEndpoint) {
				owned.add(this.fixedEndpoint);
			}
			addIfPresent(executors, this.callbackExecutor);
			addIfPresent(executors, this.mainExecutor);
			addIfPresent(executors, this.scheduler);
		}
		for (CompletableFuture<?> completion : List.copyOf(this.inFlight)) {
			completion.completeExceptionally(closedException());
		}
		for (Endpoint endpoint : owned) {
			endpoint.destroy();
		}
		if (!executors.isEmpty()) {
			ExecutorsUtil.shutdownExecutorGracefully(SHUTDOWN_WAIT_MILLIS, executors.toArray(new ExecutorService[0]));
		}
	}

	private static void addIfPresent(List<ExecutorService> executors, @Nullable ExecutorService executor) {
		if (executor != null) {
			executors.add(executor);
		}
	}

}
