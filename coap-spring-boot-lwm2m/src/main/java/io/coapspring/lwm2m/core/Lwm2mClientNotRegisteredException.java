package io.coapspring.lwm2m.core;

/**
 * Thrown when an operation addresses an endpoint name that has no registration with the server.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mClientNotRegisteredException extends Lwm2mException {

	/**
	 * Create an exception.
	 * @param endpoint the endpoint name
	 */
	public Lwm2mClientNotRegisteredException(String endpoint) {
		super(endpoint, "LWM2M client '" + endpoint + "' is not registered", null);
	}

}
