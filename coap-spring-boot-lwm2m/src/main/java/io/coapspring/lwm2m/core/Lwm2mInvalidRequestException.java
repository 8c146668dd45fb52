package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before anything is sent when a request cannot be built: a malformed path, a path or resource the
 * object model does not know, a value of the wrong type or outside the resource's range, a resource that is not
 * writable or executable.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mInvalidRequestException extends Lwm2mException {

	/**
	 * Create an exception.
	 * @param endpoint the endpoint name
	 * @param message the detail message, naming the resource
	 * @param cause the cause, if any
	 */
	public Lwm2mInvalidRequestException(String endpoint, String message, @Nullable Throwable cause) {
		super(endpoint, message, cause);
	}

}
