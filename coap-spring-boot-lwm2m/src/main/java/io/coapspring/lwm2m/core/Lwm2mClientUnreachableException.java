package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a registered client does not answer: the request timed out, or could not be sent to the client's
 * address.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mClientUnreachableException extends Lwm2mException {

	/**
	 * Create an exception.
	 * @param endpoint the endpoint name
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public Lwm2mClientUnreachableException(String endpoint, String message, @Nullable Throwable cause) {
		super(endpoint, message, cause);
	}

}
