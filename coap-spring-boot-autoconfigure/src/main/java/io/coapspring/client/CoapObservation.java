package io.coapspring.client;

import java.net.URI;

/**
 * A running observation of a CoAP resource (RFC 7641), returned by
 * {@link io.coapspring.client.CoapOperations#observe(String, Class, java.util.function.Consumer) observe}.
 * <p>
 * Notifications are delivered in order, one at a time; a notification older than the latest one delivered
 * is dropped. When the Max-Age of the latest notification passes without news, the client registers again.
 *
 * @param <T> the type notifications are converted to
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapObservation<T> {

	/**
	 * Return the URI of the observed resource.
	 * @return the URI
	 */
	URI getUri();

	/**
	 * Stop observing: deregister proactively with a GET carrying Observe=1 (RFC 7641 section 3.6), so the
	 * server stops sending notifications at once. Notifications not yet handed to the listener are dropped;
	 * the listener is not called once a delivery in progress, if any, has returned. Calling it again has no
	 * effect.
	 */
	void cancel();

	/**
	 * Return whether notifications may still arrive.
	 * @return {@code false} once cancelled, or when the server ended the observation (a response without
	 * Observe option, an error code, a reset or a timeout)
	 */
	boolean isActive();

}
