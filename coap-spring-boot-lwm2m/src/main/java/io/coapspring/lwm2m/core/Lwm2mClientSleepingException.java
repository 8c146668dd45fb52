package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an operation addresses a queue-mode client that is asleep: the request was not sent. Retry when the
 * client wakes up ({@code Lwm2mAwakeEvent}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mClientSleepingException extends Lwm2mException {

	/**
	 * Create an exception.
	 * @param endpoint the endpoint name
	 * @param cause the cause, if any
	 */
	public Lwm2mClientSleepingException(String endpoint, @Nullable Throwable cause) {
		super(endpoint, "LWM2M client '" + endpoint + "' is sleeping (queue mode); the request was not sent", cause);
	}

}
