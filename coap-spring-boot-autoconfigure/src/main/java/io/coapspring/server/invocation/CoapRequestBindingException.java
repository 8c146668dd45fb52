package io.coapspring.server.invocation;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a request cannot be bound to a handler method's parameters: a missing required query parameter,
 * option or payload, or a value that does not convert to the parameter type. Answered with 4.00 Bad Request
 * and the message as diagnostic.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestBindingException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message a diagnostic for the client, naming the parameter
	 * @param cause the cause, may be {@code null}
	 */
	public CoapRequestBindingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
