package io.coapspring.lwm2m.core;

/**
 * A running observation of one path on one client, as returned by
 * {@link Lwm2mOperations#observe(String, String, java.util.function.Consumer)}. Notifications go to the listener
 * given at creation until {@link #cancel()} is called or the client's registration ends.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface Lwm2mObservation {

	/**
	 * Return the observed client's endpoint name.
	 * @return the endpoint name
	 */
	String endpoint();

	/**
	 * Return the observed path.
	 * @return the path
	 */
	String path();

	/**
	 * Return the value of the observe response (the state when the observation started).
	 * @return the initial content
	 */
	Lwm2mContent initialContent();

	/**
	 * Return whether notifications still arrive.
	 * @return {@code false} once cancelled or once the registration ended
	 */
	boolean isActive();

	/**
	 * Stop this observation. When it was the last listener on the path, the server cancels the observation on the
	 * client too. Calling it again does nothing.
	 */
	void cancel();

}
