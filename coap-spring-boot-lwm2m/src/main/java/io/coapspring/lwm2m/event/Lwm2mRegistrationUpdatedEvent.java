package io.coapspring.lwm2m.event;

/**
 * Published when a registered client sends a registration update (new address, lifetime or objects, or just a keep-alive).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mRegistrationUpdatedEvent extends Lwm2mEvent {

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 */
	public Lwm2mRegistrationUpdatedEvent(Object source, Lwm2mRegistration registration) {
		super(source, registration);
	}

}
