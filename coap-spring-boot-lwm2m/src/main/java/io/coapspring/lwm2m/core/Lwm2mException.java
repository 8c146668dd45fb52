package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the exceptions {@link Lwm2mOperations} throws.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mException extends RuntimeException {

	private final String endpoint;

	/**
	 * Create an exception.
	 * @param endpoint the client's endpoint name
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public Lwm2mException(String endpoint, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.endpoint = endpoint;
	}

	/**
	 * Return the endpoint name of the client the operation addressed.
	 * @return the endpoint name
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

}
