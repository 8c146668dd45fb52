package io.coapspring.rd;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * A change of a registration of this application's Resource Directory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see RdRegisteredEvent
 * @see RdUpdatedEvent
 * @see RdRemovedEvent
 * @see RdExpiredEvent
 */
public abstract class RdRegistrationEvent extends ApplicationEvent {

	private final RdRegistration registration;

	/**
	 * Create an event.
	 * @param source the directory
	 * @param registration the registration concerned (for a removal, as it was)
	 */
	protected RdRegistrationEvent(Object source, RdRegistration registration) {
		super(source);
		Assert.notNull(registration, "'registration' must not be null");
		this.registration = registration;
	}

	/**
	 * Return the registration concerned.
	 * @return the registration; after a removal or expiry, as it last was
	 */
	public RdRegistration getRegistration() {
		return this.registration;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " " + this.registration.endpoint() + " at "
				+ this.registration.location();
	}

}
