package io.coapspring.client;

import org.jspecify.annotations.Nullable;

/**
 * Receives the notifications of a {@link CoapObservation}. The methods of one listener are called one at a
 * time, never on Californium's protocol threads.
 *
 * @param <T> the type notifications are converted to
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapObservationListener<T> {

	/**
	 * Receive a notification; the first one is the response to the registration.
	 * @param value the converted payload, {@code null} if the notification had none
	 */
	void onNext(@Nullable T value);

	/**
	 * Receive the failure that ended the observation: a
	 * {@link io.coapspring.client.CoapClientResponseException} for an error code, a
	 * {@link io.coapspring.client.CoapTimeoutException}, a {@link io.coapspring.client.CoapResetException},
	 * or a {@link io.coapspring.client.CoapClientException} when a notification cannot be converted. No
	 * method is called afterwards.
	 * @param error the failure
	 */
	default void onError(Throwable error) {
	}

	/**
	 * Receive the end of an observation the server did not accept or ended with a final response without
	 * Observe option; that response was passed to {@link #onNext(Object)} first. Not called on
	 * {@link CoapObservation#cancel()}.
	 */
	default void onComplete() {
	}

}
