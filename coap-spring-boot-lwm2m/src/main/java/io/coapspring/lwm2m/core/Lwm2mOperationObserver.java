package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Told when each operation a {@link Lwm2mTemplate} sends starts, and by the handle it returns when the operation
 * ends: the seam for tracing (the auto-configuration adds a Micrometer {@code Observation} per operation).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see Lwm2mOperationListener
 */
@FunctionalInterface
public interface Lwm2mOperationObserver {

	/**
	 * Called on the caller's thread before the request is sent (and before it is checked).
	 * @param operation the operation, as {@link Lwm2mOperationListener} names it
	 * @param endpoint the client's endpoint name
	 * @param path the path, or the paths joined by commas for composite operations
	 * @return told once of the outcome
	 */
	Stop start(String operation, String endpoint, String path);

	/**
	 * Told once when an operation ends.
	 */
	@FunctionalInterface
	interface Stop {

		/**
		 * Called when the operation ended, on the thread that completed it.
		 * @param failure the failure, or {@code null} on success
		 */
		void stop(@Nullable Throwable failure);

	}

}
