package io.coapspring.lwm2m.observation;

import io.micrometer.observation.Observation;

import org.springframework.util.Assert;

/**
 * The context of the observation of one LWM2M operation sent to a client: what was asked of whom, and (through
 * {@link #getError()}) how it failed.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mRequestObservationContext extends Observation.Context {

	private final String operation;

	private final String endpoint;

	private final String path;

	/**
	 * Create a context.
	 * @param operation the operation ({@code read}, {@code write}, ...)
	 * @param endpoint the client's endpoint name
	 * @param path the path, or the paths joined by commas
	 */
	public Lwm2mRequestObservationContext(String operation, String endpoint, String path) {
		Assert.hasText(operation, "'operation' must not be empty");
		this.operation = operation;
		this.endpoint = endpoint;
		this.path = path;
	}

	/**
	 * Return the operation.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the client's endpoint name.
	 * @return the endpoint name
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the path (or paths joined by commas).
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

}
