package io.coapspring.lwm2m.event;

/**
 * Published when a queue-mode client is considered asleep: requests to it fail with {@code Lwm2mClientSleepingException} until it wakes up.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mSleepingEvent extends Lwm2mEvent {

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 */
	public Lwm2mSleepingEvent(Object source, Lwm2mRegistration registration) {
		super(source, registration);
	}

}
