package io.coapspring.transport.websocket;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * A server-side CoAP over WebSockets connection on a Spring {@link WebSocketSession}; writes go through a
 * {@link ConcurrentWebSocketSessionDecorator}, so Californium's threads may send concurrently, with a bounded
 * buffer: a peer that does not read is disconnected.
 *
 * @author CoAP Spring Boot team
 */
final class SessionConnection extends WebSocketConnection {

	private static final Logger logger = LoggerFactory.getLogger(SessionConnection.class);

	private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	private final WebSocketSession session;

	SessionConnection(WebSocketSignaling signaling, WebSocketSession session, InetSocketAddress peer,
			@Nullable InetSocketAddress localAddress) {
		super(signaling, peer, session.getId(), localAddress);
		int bufferLimit = Math.max(64 * 1024, 4 * signaling.maxMessageSize());
		this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, bufferLimit);
	}

	@Override
	protected void write(byte[] message) throws IOException {
		this.session.sendMessage(new BinaryMessage(message));
	}

	@Override
	protected void close(int code, String reason) {
		try {
			this.session.close(new CloseStatus(code, reason));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not close WebSocket session {}", this.session.getId(), ex);
		}
	}

}
