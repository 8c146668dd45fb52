package io.coapspring.transport.tcp;

import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The RFC 8323 signaling (section 5) of the connections of one TCP or TLS connector, and the settings it
 * announces: {@link #install(Channel)} adds it to a new connection's Netty pipeline, from the connectors'
 * {@code onNewChannelCreated} hook, before Californium's own handlers (and after the TLS handler, if any).
 * <p>
 * Our CSM carries the Max-Message-Size, and the Block-Wise-Transfer option when the Max-Message-Size is at
 * most 1152 bytes: with a larger one the option would announce BERT (RFC 8323 section 6), which Californium
 * does not implement.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapTcpSignaling {

	/**
	 * The smallest Max-Message-Size: the size every peer must accept (RFC 8323 section 5.3.1).
	 */
	public static final int MIN_MAX_MESSAGE_SIZE = SignalingMessages.DEFAULT_MAX_MESSAGE_SIZE;

	private final int maxMessageSize;

	private final Duration csmTimeout;

	private final @Nullable TcpConnectionLimit connectionLimit;

	private final Duration pingInterval;

	private final Duration idleTimeout;

	/**
	 * Create the signaling of a connector without keep-alive Pings.
	 * @param maxMessageSize the largest message accepted, in bytes, announced in our CSM; larger frames abort
	 * the connection
	 * @param csmTimeout how long a new connection may take to send its CSM
	 * @param connectionLimit the bound on the connections open at the same time, or {@code null} for none
	 */
	public CoapTcpSignaling(int maxMessageSize, Duration csmTimeout, @Nullable TcpConnectionLimit connectionLimit) {
		this(maxMessageSize, csmTimeout, connectionLimit, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Create the signaling of a connector with keep-alive Pings ({@link ConnectionKeepAlive}).
	 * @param maxMessageSize the largest message accepted, in bytes, announced in our CSM; larger frames abort
	 * the connection
	 * @param csmTimeout how long a new connection may take to send its CSM
	 * @param connectionLimit the bound on the connections open at the same time, or {@code null} for none
	 * @param pingInterval the time without a message from the peer after which it is sent a Ping, zero for none
	 * @param idleTimeout the time without a message from the peer after which the connection is aborted, zero to
	 * leave idle connections to Californium's idle timeout (which counts our own messages, the Pings included)
	 */
	public CoapTcpSignaling(int maxMessageSize, Duration csmTimeout, @Nullable TcpConnectionLimit connectionLimit,
			Duration pingInterval, Duration idleTimeout) {
		Assert.notNull(pingInterval, "'pingInterval' must not be null");
		Assert.notNull(idleTimeout, "'idleTimeout' must not be null");
		Assert.isTrue(!pingInterval.isNegative(), "'pingInterval' must not be negative");
		Assert.isTrue(!idleTimeout.isNegative(), "'idleTimeout' must not be negative");
		this.pingInterval = pingInterval;
		this.idleTimeout = idleTimeout;
		Assert.isTrue(maxMessageSize >= MIN_MAX_MESSAGE_SIZE,
				() -> "'maxMessageSize' must be at least " + MIN_MAX_MESSAGE_SIZE);
		Assert.notNull(csmTimeout, "'csmTimeout' must not be null");
		Assert.isTrue(!csmTimeout.isNegative() && !csmTimeout.isZero(), "'csmTimeout' must be positive");
		this.maxMessageSize = maxMessageSize;
		this.csmTimeout = csmTimeout;
		this.connectionLimit = connectionLimit;
	}

	/**
	 * Add the signaling handlers to the end of a new connection's pipeline.
	 * @param channel the connection
	 */
	public void install(Channel channel) {
		PeerCapabilities peer = new PeerCapabilities();
		channel.pipeline().addLast(new CoapSignalingHandler(this, peer));
		channel.pipeline().addLast(new PeerMessageSizeGuard(this, peer));
	}

	/**
	 * Return our CSM.
	 * @return a new buffer with the CSM frame
	 */
	ByteBuf csm() {
		return Unpooled.wrappedBuffer(SignalingMessages.csm(this.maxMessageSize, isBlockWise()));
	}

	/**
	 * Return the largest message accepted, in bytes.
	 * @return the Max-Message-Size
	 */
	public int getMaxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * Return whether our CSM announces block-wise transfers: only without BERT, so with a Max-Message-Size of
	 * at most 1152 bytes.
	 * @return whether the CSM carries the Block-Wise-Transfer option
	 */
	public boolean isBlockWise() {
		return this.maxMessageSize <= SignalingMessages.DEFAULT_MAX_MESSAGE_SIZE;
	}

	/**
	 * Return how long a new connection may take to send its CSM.
	 * @return the CSM timeout
	 */
	public Duration getCsmTimeout() {
		return this.csmTimeout;
	}

	/**
	 * Return the time without a message from the peer after which it is sent a Ping.
	 * @return the ping interval, zero for none
	 */
	public Duration getPingInterval() {
		return this.pingInterval;
	}

	/**
	 * Return the time without a message from the peer after which the connection is aborted.
	 * @return the idle timeout, zero for none
	 */
	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	/**
	 * Return the bound on the connections open at the same time.
	 * @return the limit, or {@code null} for none
	 */
	public @Nullable TcpConnectionLimit getConnectionLimit() {
		return this.connectionLimit;
	}

}
