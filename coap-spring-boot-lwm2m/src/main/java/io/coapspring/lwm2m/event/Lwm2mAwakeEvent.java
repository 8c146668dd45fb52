package io.coapspring.lwm2m.event;

/**
 * Published when a queue-mode client wakes up: the server may now send it requests.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mAwakeEvent extends Lwm2mEvent {

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 */
	public Lwm2mAwakeEvent(Object source, Lwm2mRegistration registration) {
		super(source, registration);
	}

}
