package io.coapspring.rd.server;

import java.time.Duration;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A request the Resource Directory refuses, with the response code, the diagnostic and, for a full directory, how
 * long to wait before trying again (Max-Age of a 5.03).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdException extends RuntimeException {

	private final ResponseCode code;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception.
	 * @param code the response code
	 * @param message the diagnostic
	 */
	public RdException(ResponseCode code, String message) {
		this(code, message, null);
	}

	/**
	 * Create an exception.
	 * @param code the response code
	 * @param message the diagnostic
	 * @param retryAfter the Max-Age of the answer, or {@code null}
	 */
	public RdException(ResponseCode code, String message, @Nullable Duration retryAfter) {
		super(message);
		Assert.notNull(code, "'code' must not be null");
		this.code = code;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the response code.
	 * @return the code
	 */
	public ResponseCode getCode() {
		return this.code;
	}

	/**
	 * Return how long the client should wait before it tries again.
	 * @return the Max-Age, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
