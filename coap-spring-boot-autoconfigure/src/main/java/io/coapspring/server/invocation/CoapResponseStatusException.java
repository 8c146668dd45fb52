package io.coapspring.server.invocation;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Thrown by a handler method to answer with a given response code and diagnostic message, for instance
 * {@code throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "no sensor " + id)}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapResponseStatusException extends RuntimeException {

	private final ResponseCode code;

	/**
	 * Create an exception.
	 * @param code the response code, usually a 4.xx or 5.xx one
	 * @param message the diagnostic payload, may be {@code null} for none
	 */
	public CoapResponseStatusException(ResponseCode code, @Nullable String message) {
		this(code, message, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param code the response code
	 * @param message the diagnostic payload, may be {@code null} for none
	 * @param cause the cause, may be {@code null}
	 */
	public CoapResponseStatusException(ResponseCode code, @Nullable String message, @Nullable Throwable cause) {
		super(message, cause);
		Assert.notNull(code, "'code' must not be null");
		this.code = code;
	}

	/**
	 * Return the response code.
	 * @return the code
	 */
	public ResponseCode getCode() {
		return this.code;
	}

}
