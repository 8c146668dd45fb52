package io.coapspring.transport.websocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.util.Assert;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

/**
 * The Spring {@link org.springframework.web.socket.WebSocketHandler} of CoAP over WebSockets (RFC 8323
 * section 4): offers the {@code coap} subprotocol, closes connections without it (1002), closes connections
 * that send text messages (1003), limits binary messages to the Max-Message-Size and hands every connection
 * and binary message to a {@link WebSocketServerConnector}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapWebSocketHandler extends BinaryWebSocketHandler implements SubProtocolCapable {

	/**
	 * The WebSocket subprotocol of CoAP (RFC 8323 section 4.1).
	 */
	public static final String SUBPROTOCOL = "coap";

	private static final String CONNECTION = CoapWebSocketHandler.class.getName() + ".connection";

	private final WebSocketServerConnector connector;

	/**
	 * Create a handler.
	 * @param connector the connector that takes the connections
	 */
	public CoapWebSocketHandler(WebSocketServerConnector connector) {
		Assert.notNull(connector, "'connector' must not be null");
		this.connector = connector;
	}

	@Override
	public List<String> getSubProtocols() {
		return List.of(SUBPROTOCOL);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		if (!SUBPROTOCOL.equals(session.getAcceptedProtocol())) {
			session.close(CloseStatus.PROTOCOL_ERROR
				.withReason("CoAP over WebSockets needs the 'coap' subprotocol (RFC 8323 section 4.1)"));
			return;
		}
		int maxMessageSize = this.connector.getSignaling().maxMessageSize();
		session.setBinaryMessageSizeLimit(maxMessageSize);
		InetSocketAddress peer = session.getRemoteAddress();
		SessionConnection connection = new SessionConnection(this.connector.getSignaling(), session,
				(peer != null) ? peer : new InetSocketAddress(0), session.getLocalAddress());
		if (this.connector.open(connection)) {
			session.getAttributes().put(CONNECTION, connection);
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		if (session.getAttributes().get(CONNECTION) instanceof WebSocketConnection connection) {
			ByteBuffer payload = message.getPayload();
			byte[] bytes = new byte[payload.remaining()];
			payload.get(bytes);
			this.connector.received(connection, bytes);
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		try {
			session.close(CloseStatus.NOT_ACCEPTABLE
				.withReason("CoAP over WebSockets uses binary messages only (RFC 8323 section 4.2)"));
		}
		catch (IOException ex) {
			// the connection is gone already
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		if (session.getAttributes().remove(CONNECTION) instanceof WebSocketConnection connection) {
			this.connector.closed(connection);
		}
	}

}
