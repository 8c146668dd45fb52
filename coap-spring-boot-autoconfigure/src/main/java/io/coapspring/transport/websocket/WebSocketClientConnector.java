package io.coapspring.transport.websocket;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Californium {@link Connector} for {@code coap+ws://} requests (RFC 8323 section 4) on the JDK's
 * {@link java.net.http.WebSocket} client, so it needs no dependency: one connection per server, to
 * {@code ws://host:port/.well-known/coap} with the {@code coap} subprotocol, opened by the first message to it
 * and kept until the server closes it or the connector stops. Each connection sends our CSM first, honours the
 * server's, answers its Pings and pings it when it is silent. With an {@link SSLContext}, it sends
 * {@code coaps+ws://} requests instead, to {@code wss://host:port/.well-known/coap}: the server's certificate
 * must chain to the context's trust and name the host (an IP SAN for an IP literal).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class WebSocketClientConnector implements Connector {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final String PATH = "/.well-known/coap";

	private final WebSocketSignaling signaling;

	private final @Nullable SSLContext sslContext;

	private final Map<InetSocketAddress, CompletableFuture<ClientConnection>> connections = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile @Nullable HttpClient client;

	private volatile @Nullable ScheduledExecutorService timer;

	private volatile @Nullable RawDataChannel receiver;

	private volatile @Nullable EndpointContextMatcher matcher;

	/**
	 * Create a connector.
	 * @param signaling the signaling settings of its connections; a connection limit is ignored
	 */
	public WebSocketClientConnector(WebSocketSignaling signaling) {
		this(signaling, null);
	}

	/**
	 * Create a connector, for {@code wss://} connections if an SSL context is given.
	 * @param signaling the signaling settings of its connections; a connection limit is ignored
	 * @param sslContext the TLS context of {@code wss://} connections, or {@code null} for {@code ws://}
	 */
	public WebSocketClientConnector(WebSocketSignaling signaling, @Nullable SSLContext sslContext) {
		Assert.notNull(signaling, "'signaling' must not be null");
		this.signaling = signaling;
		this.sslContext = sslContext;
	}

	/**
	 * Create a {@code coap+ws} client endpoint that is not started: Max-Message-Size 1152 bytes, a Ping after
	 * 60 s of silence from the server.
	 * @param configuration the client's configuration; a copy has BERT switched off
	 * @param optionRegistry the registry of the options the endpoint parses
	 * @return the endpoint
	 */
	public static Endpoint createEndpoint(Configuration configuration, OptionRegistry optionRegistry) {
		return createEndpoint(configuration, optionRegistry, null);
	}

	/**
	 * Create a {@code coap+ws} client endpoint, or a {@code coaps+ws} one with an SSL context, that is not
	 * started: Max-Message-Size 1152 bytes, a Ping after 60 s of silence from the server.
	 * @param configuration the client's configuration; a copy has BERT switched off
	 * @param optionRegistry the registry of the options the endpoint parses
	 * @param sslContext the TLS context of {@code wss://} connections (trust of the server certificates and,
	 * optionally, the client's key), or {@code null} for {@code ws://}
	 * @return the endpoint
	 */
	public static Endpoint createEndpoint(Configuration configuration, OptionRegistry optionRegistry,
			@Nullable SSLContext sslContext) {
		Configuration webSocket = new Configuration(configuration);
		webSocket.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		WebSocketSignaling signaling = new WebSocketSignaling(1152, Duration.ofSeconds(10), Duration.ofSeconds(60),
				Duration.ZERO, null);
		return new WebSocketEndpoint(new WebSocketClientConnector(signaling, sslContext), webSocket, optionRegistry,
				(sslContext != null) ? "coaps+ws" : "coap+ws");
	}

	@Override
	public synchronized void start() throws IOException {
		if (this.timer != null) {
			return;
		}
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
		if (this.sslContext != null) {
			builder.sslContext(this.sslContext);
		}
		this.client = builder.build();
		this.timer = WebSocketTimer.start("coap-websocket-client-timer", this.signaling, this::openConnections);
	}

	private Collection<ClientConnection> openConnections() {
		List<ClientConnection> open = new ArrayList<>();
		for (CompletableFuture<ClientConnection> connection : this.connections.values()) {
			if (connection.isDone() && !connection.isCompletedExceptionally()) {
				open.add(connection.join());
			}
		}
		return open;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService timer = this.timer;
		this.timer = null;
		this.client = null;
		if (timer != null) {
			timer.shutdownNow();
		}
		for (ClientConnection connection : openConnections()) {
			connection.abort(1001, "client stopped", -1);
		}
		this.connections.clear();
	}

	@Override
	public void destroy() {
		stop();
	}

	@Override
	public void send(RawData msg) {
		InetSocketAddress peer = msg.getInetSocketAddress();
		HttpClient client = this.client;
		if (client == null) {
			msg.onError(new IllegalStateException("CoAP over WebSocket client connector not running"));
			return;
		}
		CompletableFuture<ClientConnection> connection = this.connections.computeIfAbsent(peer,
				(address) -> connect(client, address));
		connection.whenComplete((open, ex) -> {
			if (ex != null) {
				this.connections.remove(peer, connection);
				msg.onError((ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex);
				return;
			}
			ScheduledExecutorService timer = this.timer;
			open.send(msg, this.matcher, (timer != null) ? timer : Runnable::run);
		});
	}

	private CompletableFuture<ClientConnection> connect(HttpClient client, InetSocketAddress peer) {
		ClientConnection connection = new ClientConnection(peer, "ws-" + this.ids.incrementAndGet());
		String host = (peer.getAddress() instanceof Inet6Address && !peer.isUnresolved())
				? "[" + peer.getAddress().getHostAddress() + "]" : peer.getHostString();
		String scheme = (this.sslContext != null) ? "wss://" : "ws://";
		URI uri = URI.create(scheme + host + ":" + peer.getPort() + PATH);
		return client.newWebSocketBuilder()
			.subprotocols(CoapWebSocketHandler.SUBPROTOCOL)
			.connectTimeout(CONNECT_TIMEOUT)
			.buildAsync(uri, connection)
			.thenApply((socket) -> {
				ScheduledExecutorService timer = this.timer;
				if (timer != null) {
					WebSocketTimer.checkCsmLater(timer, this.signaling, connection);
				}
				return connection;
			});
	}

	private void closed(ClientConnection connection) {
		CompletableFuture<ClientConnection> current = this.connections.get(connection.getContext().getPeerAddress());
		if (current != null && current.isDone() && !current.isCompletedExceptionally()
				&& current.join() == connection) {
			this.connections.remove(connection.getContext().getPeerAddress(), current);
		}
	}

	@Override
	public void setRawDataReceiver(RawDataChannel messageHandler) {
		this.receiver = messageHandler;
	}

	@Override
	public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
		this.matcher = matcher;
	}

	@Override
	public InetSocketAddress getAddress() {
		return new InetSocketAddress(0);
	}

	/**
	 * Return {@code TCP}: Californium treats the connector's messages as CoAP over TCP.
	 * @return the protocol
	 */
	@Override
	public String getProtocol() {
		return CoAP.PROTOCOL_TCP;
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

	@Override
	public void processDatagram(DatagramPacket datagram) {
		throw new UnsupportedOperationException("a WebSocket connector receives no datagrams");
	}

	/**
	 * One connection to a server: its JDK WebSocket, written in order (the JDK allows one outstanding send).
	 */
	private final class ClientConnection extends WebSocketConnection implements WebSocket.Listener {

		private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

		private @Nullable WebSocket socket;

		private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);

		ClientConnection(InetSocketAddress peer, String id) {
			super(WebSocketClientConnector.this.signaling, peer, id, new InetSocketAddress(0));
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			synchronized (this) {
				this.socket = webSocket;
			}
			try {
				sendCsm();
			}
			catch (IOException ex) {
				abort(PROTOCOL_ERROR, "could not send the CSM", -1);
			}
			webSocket.request(1);
		}

		@Override
		protected synchronized void write(byte[] message) throws IOException {
			WebSocket socket = this.socket;
			if (socket == null || socket.isOutputClosed()) {
				throw new IOException("WebSocket to " + getContext().getPeerAddress() + " is closed");
			}
			this.lastWrite = this.lastWrite.handle((result, ex) -> null)
				.thenCompose((ignored) -> socket.sendBinary(ByteBuffer.wrap(message), true));
		}

		@Override
		protected synchronized void close(int code, String reason) {
			WebSocket socket = this.socket;
			if (socket != null) {
				this.lastWrite = this.lastWrite.handle((result, ex) -> null)
					.thenCompose((ignored) -> socket.sendClose(code, reason));
			}
			closed(this);
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.partial.writeBytes(bytes);
			if (this.partial.size() > WebSocketClientConnector.this.signaling.maxMessageSize() + 8) {
				abort(TOO_BIG, "message larger than the Max-Message-Size of "
						+ WebSocketClientConnector.this.signaling.maxMessageSize(), -1);
				return null;
			}
			if (last) {
				byte[] message = this.partial.toByteArray();
				this.partial.reset();
				RawData raw = receive(message);
				RawDataChannel receiver = WebSocketClientConnector.this.receiver;
				if (raw != null && receiver != null) {
					receiver.receiveData(raw);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			abort(1003, "CoAP over WebSockets uses binary messages only", -1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed(this);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed(this);
		}

	}

}
