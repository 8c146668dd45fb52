package io.coapspring.lwm2m.core;

import java.util.List;
import java.util.Map;

/**
 * A running LWM2M 1.1 observe-composite of several paths on one client, as returned by
 * {@link Lwm2mOperations#observeComposite(String, List, java.util.function.Consumer)}: each notification carries the
 * current content of every observed path.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface Lwm2mCompositeObservation {

	/**
	 * Return the observed client's endpoint name.
	 * @return the endpoint name
	 */
	String endpoint();

	/**
	 * Return the observed paths.
	 * @return the paths
	 */
	List<String> paths();

	/**
	 * Return the contents of the observe response, by path.
	 * @return the initial contents
	 */
	Map<String, Lwm2mContent> initialContents();

	/**
	 * Return whether notifications still arrive.
	 * @return {@code false} once cancelled or once the registration ended
	 */
	boolean isActive();

	/**
	 * Stop this observation and cancel it on the client. Calling it again does nothing.
	 */
	void cancel();

}
