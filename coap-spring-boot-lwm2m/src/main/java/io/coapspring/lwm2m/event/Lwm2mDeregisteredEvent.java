package io.coapspring.lwm2m.event;

/**
 * Published when a client's registration ends: the client deregistered, or its lifetime expired without an update.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mDeregisteredEvent extends Lwm2mEvent {

	private final boolean expired;

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the registration that ended
	 * @param expired whether the registration expired rather than the client deregistering
	 */
	public Lwm2mDeregisteredEvent(Object source, Lwm2mRegistration registration, boolean expired) {
		super(source, registration);
		this.expired = expired;
	}

	/**
	 * Return whether the registration ended because its lifetime expired (the client went silent) rather than
	 * through a deregistration.
	 * @return {@code true} for an expiry
	 */
	public boolean isExpired() {
		return this.expired;
	}

}
