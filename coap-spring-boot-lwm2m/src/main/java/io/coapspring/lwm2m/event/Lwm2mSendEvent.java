package io.coapspring.lwm2m.event;

import java.util.Map;

import io.coapspring.lwm2m.core.Lwm2mContent;

/**
 * Published when a client pushes data with the LWM2M 1.1 Send operation.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mSendEvent extends Lwm2mEvent {

	private final Map<String, Lwm2mContent> data;

	/**
	 * Create an event.
	 * @param source the object that published the event
	 * @param registration the client's registration
	 * @param data the most recent value of each path the client sent, by path
	 */
	public Lwm2mSendEvent(Object source, Lwm2mRegistration registration, Map<String, Lwm2mContent> data) {
		super(source, registration);
		this.data = Map.copyOf(data);
	}

	/**
	 * Return the data the client sent: the most recent value of each path, by path.
	 * @return the data
	 */
	public Map<String, Lwm2mContent> getData() {
		return this.data;
	}

}
