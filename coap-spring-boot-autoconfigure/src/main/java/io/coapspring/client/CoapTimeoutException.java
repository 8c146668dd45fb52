package io.coapspring.client;

import java.time.Duration;

/**
 * Thrown when no response arrived in time: the request timeout elapsed, or a CON request was
 * retransmitted as often as allowed without being acknowledged.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTimeoutException extends CoapClientException {

	private final Duration timeout;

	/**
	 * Create an exception.
	 * @param message the detail message, naming the request
	 * @param timeout the timeout that elapsed, {@link Duration#ZERO} when the retransmissions ran out
	 */
	public CoapTimeoutException(String message, Duration timeout) {
		super(message);
		this.timeout = timeout;
	}

	/**
	 * Return the timeout that elapsed.
	 * @return the request timeout, or {@link Duration#ZERO} if the retransmissions ran out first
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
