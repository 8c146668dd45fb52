package io.coapspring.rd.client;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * An attempt to register this application with a Resource Directory, or to refresh its registration, failed; the
 * client tries again after its retry interval.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdClientRegistrationFailedEvent extends ApplicationEvent {

	private final String reason;

	/**
	 * Create an event.
	 * @param source the client
	 * @param reason what went wrong
	 */
	public RdClientRegistrationFailedEvent(Object source, String reason) {
		super(source);
		Assert.notNull(reason, "'reason' must not be null");
		this.reason = reason;
	}

	/**
	 * Return what went wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
