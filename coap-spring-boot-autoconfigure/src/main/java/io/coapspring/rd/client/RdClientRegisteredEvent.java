package io.coapspring.rd.client;

import java.net.URI;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * This application registered with a Resource Directory, for the first time or again after the directory lost its
 * registration.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdClientRegisteredEvent extends ApplicationEvent {

	private final URI location;

	/**
	 * Create an event.
	 * @param source the client
	 * @param location the registration resource
	 */
	public RdClientRegisteredEvent(Object source, URI location) {
		super(source);
		Assert.notNull(location, "'location' must not be null");
		this.location = location;
	}

	/**
	 * Return the registration resource.
	 * @return its absolute URI
	 */
	public URI getLocation() {
		return this.location;
	}

}
