package io.coapspring.lwm2m.event;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * Base class of the events the LWM2M server publishes about one client. Events are published on the thread that
 * handled the client's message; listeners that block should be {@code @Async}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class Lwm2mEvent extends ApplicationEvent {

	private final Lwm2mRegistration registration;

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 */
	protected Lwm2mEvent(Object source, Lwm2mRegistration registration) {
		super(source);
		Assert.notNull(registration, "'registration' must not be null");
		this.registration = registration;
	}

	/**
	 * Return the client's registration as it was when the event fired.
	 * @return the registration
	 */
	public Lwm2mRegistration getRegistration() {
		return this.registration;
	}

	/**
	 * Return the client's endpoint name.
	 * @return the endpoint name
	 */
	public String getEndpoint() {
		return this.registration.endpoint();
	}

}
