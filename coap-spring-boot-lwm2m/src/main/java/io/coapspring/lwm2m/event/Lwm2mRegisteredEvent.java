package io.coapspring.lwm2m.event;

/**
 * Published when a client registers with the LWM2M server (also when an endpoint registers again, replacing its previous registration).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mRegisteredEvent extends Lwm2mEvent {

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 */
	public Lwm2mRegisteredEvent(Object source, Lwm2mRegistration registration) {
		super(source, registration);
	}

}
