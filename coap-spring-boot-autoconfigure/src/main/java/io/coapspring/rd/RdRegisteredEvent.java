package io.coapspring.rd;

/**
 * An endpoint registered: a new registration, or one that replaced the registration of the same endpoint name
 * and sector.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdRegisteredEvent extends RdRegistrationEvent {

	/**
	 * Create an event.
	 * @param source the directory
	 * @param registration the registration
	 */
	public RdRegisteredEvent(Object source, RdRegistration registration) {
		super(source, registration);
	}

}
