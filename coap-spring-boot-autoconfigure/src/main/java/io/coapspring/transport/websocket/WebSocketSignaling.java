package io.coapspring.transport.websocket;

import java.time.Duration;

import io.coapspring.transport.tcp.CoapTcpSignaling;
import io.coapspring.transport.tcp.TcpConnectionLimit;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The RFC 8323 signaling settings of the CoAP over WebSockets connections of one connector: the
 * Max-Message-Size announced in our CSM, how long a peer may take to send its CSM, when idle connections are
 * pinged and closed, and the bound on the connections open at the same time.
 *
 * @param maxMessageSize the largest message accepted, in bytes, announced in our CSM; a larger message aborts
 * the connection
 * @param csmTimeout how long a new connection may take to send its CSM
 * @param pingInterval the time without a message from the peer after which a Ping is sent, or zero for none
 * @param idleTimeout the time without a message from the peer after which the connection is closed, or zero
 * for never
 * @param connectionLimit the bound on the connections open at the same time, or {@code null} for none
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record WebSocketSignaling(int maxMessageSize, Duration csmTimeout, Duration pingInterval, Duration idleTimeout,
		@Nullable TcpConnectionLimit connectionLimit) {

	/**
	 * Check the settings.
	 */
	public WebSocketSignaling {
		Assert.isTrue(maxMessageSize >= CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE,
				() -> "'maxMessageSize' must be at least " + CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE);
		Assert.notNull(csmTimeout, "'csmTimeout' must not be null");
		Assert.isTrue(csmTimeout.toMillis() > 0, "'csmTimeout' must be positive");
		Assert.notNull(pingInterval, "'pingInterval' must not be null");
		Assert.isTrue(!pingInterval.isNegative(), "'pingInterval' must not be negative");
		Assert.notNull(idleTimeout, "'idleTimeout' must not be null");
		Assert.isTrue(!idleTimeout.isNegative(), "'idleTimeout' must not be negative");
	}

	/**
	 * Return whether our CSM announces block-wise transfers: only without BERT, so with a Max-Message-Size of
	 * at most 1152 bytes.
	 * @return whether the CSM carries the Block-Wise-Transfer option
	 */
	public boolean isBlockWise() {
		return this.maxMessageSize <= CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE;
	}

}
