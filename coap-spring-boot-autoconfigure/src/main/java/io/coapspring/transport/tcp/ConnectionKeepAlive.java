package io.coapspring.transport.tcp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.Assert;

/**
 * When to ping the peer of one RFC 8323 connection (TCP, TLS or WebSocket) and when to give up on it, from how
 * long the peer has been silent: a Ping (RFC 8323 section 5.4) after the ping interval without a message from
 * the peer, again every ping interval while it stays silent, and the end of the connection after the idle
 * timeout without one. A peer that answers with Pongs keeps its connection; one that does not is closed at the
 * idle timeout. Time is {@link System#nanoTime()}; the caller checks it regularly, at most every
 * {@link #checkPeriod()}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ConnectionKeepAlive {

	/**
	 * What the connection should do now.
	 */
	public enum Action {

		/** Nothing. */
		NONE,

		/** Send a Ping. */
		PING,

		/** Abort and close the connection: the peer has been silent for the idle timeout. */
		CLOSE

	}

	private final long pingIntervalNanos;

	private final long idleTimeoutNanos;

	private volatile long lastReceived = System.nanoTime();

	private volatile long lastPing;

	/**
	 * Create the keep-alive of a connection opened now.
	 * @param pingInterval the silence after which a Ping is sent, zero for none
	 * @param idleTimeout the silence after which the connection is closed, zero for never
	 */
	public ConnectionKeepAlive(Duration pingInterval, Duration idleTimeout) {
		Assert.isTrue(!pingInterval.isNegative(), "'pingInterval' must not be negative");
		Assert.isTrue(!idleTimeout.isNegative(), "'idleTimeout' must not be negative");
		this.pingIntervalNanos = pingInterval.toNanos();
		this.idleTimeoutNanos = idleTimeout.toNanos();
	}

	/**
	 * Return how often to check a connection: a quarter of the shorter of the ping interval and the idle
	 * timeout (at least 50 ms).
	 * @param pingInterval the ping interval, zero for none
	 * @param idleTimeout the idle timeout, zero for none
	 * @return the period, zero if neither is set and there is nothing to check
	 */
	public static Duration checkPeriod(Duration pingInterval, Duration idleTimeout) {
		long ping = pingInterval.toMillis();
		long idle = idleTimeout.toMillis();
		long shortest = (ping > 0 && idle > 0) ? Math.min(ping, idle) : Math.max(ping, idle);
		return (shortest > 0) ? Duration.ofMillis(Math.max(50, shortest / 4)) : Duration.ZERO;
	}

	/**
	 * Note that a message (any, a Pong included) arrived from the peer.
	 */
	public void received() {
		this.lastReceived = System.nanoTime();
	}

	/**
	 * Decide what to do now; a {@link Action#PING} counts as sent.
	 * @param now the current {@link System#nanoTime()}
	 * @return the action
	 */
	public Action check(long now) {
		long silent = now - this.lastReceived;
		if (this.idleTimeoutNanos > 0 && silent >= this.idleTimeoutNanos) {
			return Action.CLOSE;
		}
		if (this.pingIntervalNanos > 0 && silent >= this.pingIntervalNanos
				&& now - this.lastPing >= this.pingIntervalNanos) {
			this.lastPing = now;
			return Action.PING;
		}
		return Action.NONE;
	}

	/**
	 * Return a new Ping with a random two-byte token.
	 * @return the Ping frame (RFC 8323 section 3.2 framing)
	 */
	public static byte[] ping() {
		byte[] token = new byte[2];
		ThreadLocalRandom.current().nextBytes(token);
		return SignalingMessages.ping(token);
	}

}
