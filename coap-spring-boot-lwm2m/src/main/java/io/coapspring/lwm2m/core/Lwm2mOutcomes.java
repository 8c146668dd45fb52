package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of an operation as one bounded word, for metric tags and observations: {@code success},
 * {@code not-registered}, {@code sleeping}, {@code unreachable}, {@code invalid-request}, {@code client-error},
 * {@code server-error} or {@code error}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mOutcomes {

	private Lwm2mOutcomes() {
	}

	/**
	 * Classify an operation's outcome.
	 * @param failure the failure, or {@code null} on success
	 * @return the outcome
	 */
	public static String of(@Nullable Throwable failure) {
		if (failure == null) {
			return "success";
		}
		if (failure instanceof Lwm2mClientNotRegisteredException) {
			return "not-registered";
		}
		if (failure instanceof Lwm2mClientSleepingException) {
			return "sleeping";
		}
		if (failure instanceof Lwm2mClientUnreachableException) {
			return "unreachable";
		}
		if (failure instanceof Lwm2mInvalidRequestException) {
			return "invalid-request";
		}
		if (failure instanceof Lwm2mResponseException response) {
			return (response.getCode() >= 500) ? "server-error" : "client-error";
		}
		return "error";
	}

}
