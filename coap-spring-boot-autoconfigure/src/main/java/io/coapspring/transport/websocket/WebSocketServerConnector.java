package io.coapspring.transport.websocket;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import io.coapspring.transport.tcp.TcpConnectionLimit;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.TcpEndpointContext;
import org.eclipse.californium.elements.exception.EndpointUnconnectedException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Californium {@link Connector} fed by the WebSocket connections of the application's HTTP server (RFC 8323
 * section 4): {@link CoapWebSocketHandler} hands it every connection and binary message, it passes the
 * messages to its endpoint in TCP framing and writes the endpoint's messages back to the connection they
 * belong to. Its protocol is TCP, so Californium's endpoint uses its TCP parser, serializer, matcher and stack
 * (no retransmissions, no deduplication, observe and block-wise as over TCP).
 * <p>
 * A timer thread, running while the connector is started, aborts connections whose CSM does not arrive in
 * time, pings or closes idle connections and reports messages as sent.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class WebSocketServerConnector implements Connector {

	private final WebSocketSignaling signaling;

	private final Supplier<InetSocketAddress> address;

	private final Map<String, WebSocketConnection> connections = new ConcurrentHashMap<>();

	private volatile @Nullable RawDataChannel receiver;

	private volatile @Nullable EndpointContextMatcher matcher;

	private volatile @Nullable ScheduledExecutorService timer;

	/**
	 * Create a connector.
	 * @param signaling the signaling settings of the connections
	 * @param address supplies the address of the HTTP server, once it is known
	 */
	public WebSocketServerConnector(WebSocketSignaling signaling, Supplier<InetSocketAddress> address) {
		Assert.notNull(signaling, "'signaling' must not be null");
		Assert.notNull(address, "'address' must not be null");
		this.signaling = signaling;
		this.address = address;
	}

	@Override
	public synchronized void start() throws IOException {
		if (this.timer != null) {
			return;
		}
		ScheduledExecutorService timer = WebSocketTimer.start("coap-websocket-timer", this.signaling,
				this.connections::values);
		this.timer = timer;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService timer = this.timer;
		this.timer = null;
		if (timer != null) {
			timer.shutdownNow();
		}
		for (WebSocketConnection connection : this.connections.values()) {
			connection.abort(1001, "server shutdown", -1);
		}
	}

	@Override
	public void destroy() {
		stop();
	}

	/**
	 * Take a new connection: refused with an Abort and close code 1013 (try again later) when the connector is
	 * stopped or the connection limit is reached; otherwise our CSM is sent and the peer's awaited.
	 * @param connection the connection
	 * @return whether the connection was taken; only then is {@link #closed(WebSocketConnection)} due
	 */
	boolean open(WebSocketConnection connection) {
		ScheduledExecutorService timer = this.timer;
		if (timer == null) {
			connection.abort(WebSocketConnection.TRY_AGAIN_LATER, "CoAP server not running", -1);
			return false;
		}
		TcpConnectionLimit limit = this.signaling.connectionLimit();
		if (limit != null && !limit.tryAcquire()) {
			connection.abort(WebSocketConnection.TRY_AGAIN_LATER,
					"too many connections (" + limit.getMaxConnections() + "), try again later", -1);
			return false;
		}
		this.connections.put(connection.getId(), connection);
		try {
			connection.sendCsm();
			WebSocketTimer.checkCsmLater(timer, this.signaling, connection);
		}
		catch (IOException | RuntimeException ex) {
			connection.abort(WebSocketConnection.PROTOCOL_ERROR, "could not send the CSM", -1);
		}
		return true;
	}

	/**
	 * Take a binary message of a connection.
	 * @param connection the connection
	 * @param message the message
	 */
	void received(WebSocketConnection connection, byte[] message) {
		RawData raw = connection.receive(message);
		RawDataChannel receiver = this.receiver;
		if (raw != null && receiver != null) {
			receiver.receiveData(raw);
		}
	}

	/**
	 * Forget a connection taken by {@link #open(WebSocketConnection)}, once it is closed.
	 * @param connection the connection
	 */
	void closed(WebSocketConnection connection) {
		if (this.connections.remove(connection.getId(), connection)) {
			TcpConnectionLimit limit = this.signaling.connectionLimit();
			if (limit != null) {
				limit.release();
			}
		}
	}

	@Override
	public void send(RawData msg) {
		EndpointContext context = msg.getEndpointContext();
		String id = context.getString(TcpEndpointContext.KEY_CONNECTION_ID);
		WebSocketConnection connection = (id != null) ? this.connections.get(id) : byPeer(context.getPeerAddress());
		if (connection == null) {
			msg.onError(new EndpointUnconnectedException(
					"no CoAP over WebSocket connection with " + context.getPeerAddress()));
			return;
		}
		ScheduledExecutorService timer = this.timer;
		connection.send(msg, this.matcher, (timer != null) ? timer : Runnable::run);
	}

	private @Nullable WebSocketConnection byPeer(InetSocketAddress peer) {
		for (WebSocketConnection connection : this.connections.values()) {
			if (connection.getContext().getPeerAddress().equals(peer)) {
				return connection;
			}
		}
		return null;
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
		return this.address.get();
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
	 * Return the signaling settings of the connections.
	 * @return the settings
	 */
	public WebSocketSignaling getSignaling() {
		return this.signaling;
	}

	/**
	 * Return the number of connections open now.
	 * @return the open connections
	 */
	public int getConnectionCount() {
		return this.connections.size();
	}

}
