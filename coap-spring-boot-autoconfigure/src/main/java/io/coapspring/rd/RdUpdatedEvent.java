package io.coapspring.rd;

import org.springframework.util.Assert;

/**
 * An endpoint updated its registration (RFC 9176 section 5.3.1): a new lifetime, base, parameters or links, or
 * just a refresh of the lifetime.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdUpdatedEvent extends RdRegistrationEvent {

	private final RdRegistration previous;

	/**
	 * Create an event.
	 * @param source the directory
	 * @param registration the registration after the update
	 * @param previous the registration before it
	 */
	public RdUpdatedEvent(Object source, RdRegistration registration, RdRegistration previous) {
		super(source, registration);
		Assert.notNull(previous, "'previous' must not be null");
		this.previous = previous;
	}

	/**
	 * Return the registration before the update.
	 * @return the previous registration
	 */
	public RdRegistration getPrevious() {
		return this.previous;
	}

	/**
	 * Return whether the update changed anything but the time of the last update (a lookup may give other
	 * results).
	 * @return whether the base, lifetime, parameters or links changed
	 */
	public boolean isChanged() {
		RdRegistration now = getRegistration();
		return !now.links().equals(this.previous.links()) || !now.parameters().equals(this.previous.parameters())
				|| !now.effectiveBase().equals(this.previous.effectiveBase())
				|| !now.lifetime().equals(this.previous.lifetime());
	}

}
