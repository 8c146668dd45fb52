package io.coapspring.lwm2m.server;

import io.coapspring.lwm2m.event.Lwm2mEvent;

/**
 * Where the LWM2M server's events go instead of this application's context: a bean of this type takes every
 * {@link Lwm2mEvent} the server fires (in cluster mode, to deliver it once per cluster or on every node). It is
 * called in order on the {@code lwm2m-events} thread, never on Californium's protocol threads. Without such a
 * bean, events are published to the application context directly.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface Lwm2mEventDelivery {

	/**
	 * Deliver an event the server fired.
	 * @param event the event
	 */
	void deliver(Lwm2mEvent event);

}
