package io.coapspring.transport.websocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.coapspring.transport.tcp.ConnectionKeepAlive;
import io.coapspring.transport.tcp.MessageTooLargeException;
import io.coapspring.transport.tcp.SignalingMessage;
import io.coapspring.transport.tcp.SignalingMessages;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.TcpEndpointContext;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CoAP over WebSockets connection (RFC 8323 section 4), on either side: converts between its binary
 * messages and the TCP-framed messages of Californium's TCP parser and serializer, and does the signaling of
 * section 5 itself. Our CSM is the first message sent; the peer's first message must be a CSM, one that does
 * not arrive within the CSM timeout, a malformed message or one larger than our Max-Message-Size is answered
 * with an Abort and the WebSocket is closed. A Ping is answered with a Pong, an Abort or a Release closes the
 * connection, and nothing larger than the peer's Max-Message-Size is sent.
 * <p>
 * Subclasses write a message to the WebSocket and close it.
 *
 * @author CoAP Spring Boot team
 */
abstract class WebSocketConnection {

	/** WebSocket close code 1000, normal closure. */
	static final int NORMAL = 1000;

	/** WebSocket close code 1002, protocol error. */
	static final int PROTOCOL_ERROR = 1002;

	/** WebSocket close code 1009, message too big. */
	static final int TOO_BIG = 1009;

	/** WebSocket close code 1013, try again later. */
	static final int TRY_AGAIN_LATER = 1013;

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	private final WebSocketSignaling signaling;

	private final TcpEndpointContext context;

	private final @Nullable InetSocketAddress localAddress;

	private volatile boolean csmReceived;

	private volatile boolean aborted;

	private volatile long peerMaxMessageSize = SignalingMessages.DEFAULT_MAX_MESSAGE_SIZE;

	private final ConnectionKeepAlive keepAlive;

	/**
	 * Create a connection.
	 * @param signaling the signaling settings
	 * @param peer the peer's address
	 * @param connectionId the identifier of the connection, unique among the connector's connections
	 * @param localAddress our address, or {@code null} if unknown
	 */
	WebSocketConnection(WebSocketSignaling signaling, InetSocketAddress peer, String connectionId,
			@Nullable InetSocketAddress localAddress) {
		this.signaling = signaling;
		this.keepAlive = new ConnectionKeepAlive(signaling.pingInterval(), signaling.idleTimeout());
		this.context = new TcpEndpointContext(peer, connectionId, System.currentTimeMillis());
		this.localAddress = localAddress;
	}

	/**
	 * Write one binary message to the WebSocket, in order with the others.
	 * @param message the message
	 * @throws IOException if it cannot be written
	 */
	protected abstract void write(byte[] message) throws IOException;

	/**
	 * Close the WebSocket.
	 * @param code the close code
	 * @param reason the reason, at most 123 bytes once encoded
	 */
	protected abstract void close(int code, String reason);

	/**
	 * Return the endpoint context of the connection's messages.
	 * @return the context, with the connection identifier
	 */
	TcpEndpointContext getContext() {
		return this.context;
	}

	/**
	 * Return the identifier of the connection.
	 * @return the identifier
	 */
	String getId() {
		return this.context.getConnectionId();
	}

	/**
	 * Return whether the peer's CSM arrived.
	 * @return whether it did
	 */
	boolean isCsmReceived() {
		return this.csmReceived;
	}

	/**
	 * Return the largest message the peer accepts.
	 * @return the peer's Max-Message-Size
	 */
	long getPeerMaxMessageSize() {
		return this.peerMaxMessageSize;
	}

	/**
	 * Send our CSM: the first message on a new connection.
	 * @throws IOException if it cannot be written
	 */
	void sendCsm() throws IOException {
		write(WebSocketFraming
			.toWebSocket(SignalingMessages.csm(this.signaling.maxMessageSize(), this.signaling.isBlockWise())));
	}

	/**
	 * Take a received binary message.
	 * @param message the message
	 * @return the message for Californium, in TCP framing, or {@code null} if it was a signaling message or the
	 * connection was aborted
	 */
	@Nullable RawData receive(byte[] message) {
		this.keepAlive.received();
		if (this.aborted) {
			return null;
		}
		if (message.length > this.signaling.maxMessageSize()) {
			abort(TOO_BIG, "message of " + message.length + " bytes exceeds the Max-Message-Size of "
					+ this.signaling.maxMessageSize(), -1);
			return null;
		}
		byte[] tcp;
		try {
			tcp = WebSocketFraming.toTcp(message);
		}
		catch (IllegalArgumentException ex) {
			abort(PROTOCOL_ERROR, "malformed message: " + ex.getMessage(), -1);
			return null;
		}
		int code = WebSocketFraming.code(message);
		if (!this.csmReceived && code != SignalingMessages.CSM) {
			abort(PROTOCOL_ERROR, "the first message must be a CSM (RFC 8323 section 5.3)", -1);
			return null;
		}
		if ((code >>> 5) == 7) {
			int tokenLength = message[0] & 0x0F;
			signal(code, Arrays.copyOfRange(message, 2, 2 + tokenLength), message, 2 + tokenLength);
			return null;
		}
		return RawData.inbound(tcp, this.context, false, System.nanoTime(), this.localAddress);
	}

	private void signal(int code, byte[] token, byte[] message, int offset) {
		SignalingMessage signal;
		try {
			signal = SignalingMessage.decode(code, token, message, offset);
		}
		catch (IllegalArgumentException ex) {
			abort(PROTOCOL_ERROR, "malformed signaling message: " + ex.getMessage(), -1);
			return;
		}
		switch (code) {
			case SignalingMessages.CSM -> csm(signal);
			case SignalingMessages.PING -> pong(signal, token);
			case SignalingMessages.PONG -> logger.trace("Pong from {}", this.context.getPeerAddress());
			case SignalingMessages.RELEASE, SignalingMessages.ABORT -> {
				logger.debug("Signal 7.0{} from {}: {}", code & 0x1F, this.context.getPeerAddress(),
						signal.diagnostic());
				this.aborted = true;
				close(NORMAL, "");
			}
			default -> logger.debug("Ignored signaling code 7.{} from {}", code & 0x1F, this.context.getPeerAddress());
		}
	}

	private void csm(SignalingMessage csm) {
		SignalingMessage.Option unsupported = csm.unsupportedCriticalOption(SignalingMessages.BLOCK_WISE_TRANSFER);
		if (unsupported != null) {
			abort(PROTOCOL_ERROR, "unsupported critical CSM option " + unsupported.number(), unsupported.number());
			return;
		}
		try {
			this.peerMaxMessageSize = csm.maxMessageSize(this.peerMaxMessageSize);
		}
		catch (IllegalArgumentException ex) {
			abort(PROTOCOL_ERROR, "Max-Message-Size longer than 4 bytes", SignalingMessages.MAX_MESSAGE_SIZE);
			return;
		}
		this.csmReceived = true;
		logger.debug("CSM from {}: Max-Message-Size {}", this.context.getPeerAddress(), this.peerMaxMessageSize);
	}

	private void pong(SignalingMessage ping, byte[] token) {
		SignalingMessage.Option unsupported = ping.unsupportedCriticalOption(SignalingMessages.CUSTODY);
		if (unsupported != null) {
			abort(PROTOCOL_ERROR, "unsupported critical option " + unsupported.number() + " in a Ping", -1);
			return;
		}
		writeQuietly(SignalingMessages.pong(token, ping.has(SignalingMessages.CUSTODY)));
	}

	/**
	 * Send a message of Californium's: checked against the endpoint context and the peer's Max-Message-Size.
	 * @param raw the message in TCP framing
	 * @param matcher the endpoint context matcher, or {@code null} for none
	 * @param callbacks runs the message's callback once it is written: after the caller returned, as Netty's
	 * connectors do, because Californium's observe relations are established only once the send returns
	 */
	void send(RawData raw, @Nullable EndpointContextMatcher matcher, Executor callbacks) {
		if (this.aborted) {
			raw.onError(new IOException("WebSocket connection with " + this.context.getPeerAddress() + " closed"));
			return;
		}
		if (matcher != null && !matcher.isToBeSent(raw.getEndpointContext(), this.context)) {
			raw.onError(new EndpointMismatchException("WebSocket connection " + getId()));
			return;
		}
		if (raw.getSize() > this.peerMaxMessageSize) {
			raw.onError(new MessageTooLargeException("message of " + raw.getSize()
					+ " bytes exceeds the peer's Max-Message-Size of " + this.peerMaxMessageSize));
			return;
		}
		raw.onContextEstablished(this.context);
		try {
			write(WebSocketFraming.toWebSocket(raw.getBytes()));
		}
		catch (IOException | RuntimeException ex) {
			raw.onError(ex);
			return;
		}
		try {
			callbacks.execute(raw::onSent);
		}
		catch (RejectedExecutionException ex) {
			raw.onSent();
		}
	}

	/**
	 * Abort the connection if the peer's CSM has not arrived: called once the CSM timeout has passed.
	 */
	void checkCsm() {
		if (!this.csmReceived) {
			abort(PROTOCOL_ERROR,
					"no CSM received within " + this.signaling.csmTimeout().toMillis() + " ms (RFC 8323 section 5.3)",
					-1);
		}
	}

	/**
	 * Ping the peer or close the connection, depending on how long it has been silent.
	 * @param now the current {@link System#nanoTime()}
	 */
	void keepAlive(long now) {
		if (this.aborted) {
			return;
		}
		switch (this.keepAlive.check(now)) {
			case CLOSE -> {
				this.aborted = true;
				writeQuietly(SignalingMessages.abort("idle for " + this.signaling.idleTimeout(), -1));
				close(NORMAL, "idle");
			}
			case PING -> writeQuietly(ConnectionKeepAlive.ping());
			case NONE -> {
			}
		}
	}

	/**
	 * Abort the connection: send an Abort with a diagnostic and close the WebSocket.
	 * @param closeCode the WebSocket close code
	 * @param diagnostic the reason, in English
	 * @param badCsmOption the number of the peer's CSM option that could not be processed, or -1
	 */
	void abort(int closeCode, String diagnostic, int badCsmOption) {
		if (this.aborted) {
			return;
		}
		this.aborted = true;
		logger.debug("Aborting WebSocket connection with {}: {}", this.context.getPeerAddress(), diagnostic);
		writeQuietly(SignalingMessages.abort(diagnostic, badCsmOption));
		close(closeCode, truncate(diagnostic));
	}

	private void writeQuietly(byte[] tcpFramed) {
		try {
			write(WebSocketFraming.toWebSocket(tcpFramed));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not write to WebSocket connection with {}", this.context.getPeerAddress(), ex);
		}
	}

	private static String truncate(String reason) {
		// a close frame's reason has at most 123 bytes; the diagnostics are ASCII
		return (reason.length() <= 120) ? reason : reason.substring(0, 120);
	}

}
