package io.coapspring.rd;

/**
 * An endpoint removed its registration, or it was removed by the application.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdRemovedEvent extends RdRegistrationEvent {

	/**
	 * Create an event.
	 * @param source the directory
	 * @param registration the registration
	 */
	public RdRemovedEvent(Object source, RdRegistration registration) {
		super(source, registration);
	}

}
