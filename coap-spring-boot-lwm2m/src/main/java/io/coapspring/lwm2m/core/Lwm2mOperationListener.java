package io.coapspring.lwm2m.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Told of the outcome of every operation a {@link Lwm2mTemplate} sends (for metrics and tracing).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface Lwm2mOperationListener {

	/**
	 * Called once per operation, when it completes.
	 * @param operation the operation ({@code read}, {@code write}, {@code execute}, {@code discover},
	 * {@code write-attributes}, {@code create}, {@code delete}, {@code observe}, {@code read-composite}, {@code write-composite},
	 * {@code observe-composite})
	 * @param failure the failure, or {@code null} on success
	 * @param duration the time from the call to the outcome
	 */
	void onOperation(String operation, @Nullable Throwable failure, Duration duration);

}
