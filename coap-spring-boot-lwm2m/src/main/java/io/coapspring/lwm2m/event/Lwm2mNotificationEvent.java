package io.coapspring.lwm2m.event;

import io.coapspring.lwm2m.core.Lwm2mContent;

import org.springframework.util.Assert;

/**
 * Published for every notification of an observation, whoever started it (the template, or an observation that
 * survived a restart in a persistent registration store).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mNotificationEvent extends Lwm2mEvent {

	private final Lwm2mContent content;

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 * @param content the notified content
	 */
	public Lwm2mNotificationEvent(Object source, Lwm2mRegistration registration, Lwm2mContent content) {
		super(source, registration);
		Assert.notNull(content, "'content' must not be null");
		this.content = content;
	}

	/**
	 * Return the notified content (its path is the observed path).
	 * @return the content
	 */
	public Lwm2mContent getContent() {
		return this.content;
	}

}
