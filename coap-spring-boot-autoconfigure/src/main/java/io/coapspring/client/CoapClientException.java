package io.coapspring.client;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the exceptions {@link CoapOperations} throws: the request could not be sent, no usable
 * response arrived, or the response could not be converted.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapClientException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public CoapClientException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause, may be {@code null}
	 */
	public CoapClientException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
