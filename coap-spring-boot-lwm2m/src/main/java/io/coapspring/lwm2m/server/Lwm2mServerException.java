package io.coapspring.lwm2m.server;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the LWM2M server cannot start.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mServerException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public Lwm2mServerException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
