package io.coapspring.rd;

/**
 * A registration's lifetime ended without an update.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdExpiredEvent extends RdRegistrationEvent {

	/**
	 * Create an event.
	 * @param source the directory
	 * @param registration the registration
	 */
	public RdExpiredEvent(Object source, RdRegistration registration) {
		super(source, registration);
	}

}
