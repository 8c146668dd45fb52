package io.coapspring.server.invocation;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Maps an exception that no {@code @CoapExceptionHandler} method handled to a response code and diagnostic,
 * for exception types the application cannot annotate with {@code @CoapResponseStatus}, for instance those of
 * a library. Declare a bean of this type to add one; resolvers are consulted in
 * {@link org.springframework.core.annotation.Order @Order} by {@link CoapErrorResponses}, after
 * {@link CoapResponseStatusException} and {@code @CoapResponseStatus}, before its built-in mapping. Without an
 * answer from any of them, the request is answered with 5.00 Internal Server Error.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapExceptionResolver {

	/**
	 * Resolve an exception.
	 * @param exception the exception, unwrapped from {@code CompletionException} and {@code ExecutionException}
	 * @param request the request being answered
	 * @return the code and diagnostic to answer with, or {@code null} if this resolver does not know the
	 * exception
	 */
	@Nullable Resolution resolve(Throwable exception, CoapRequest request);

	/**
	 * The answer to an exception.
	 *
	 * @param code the response code
	 * @param diagnostic the diagnostic payload for the client, or {@code null} for none; it should not reveal
	 * internals
	 */
	record Resolution(ResponseCode code, @Nullable String diagnostic) {

		/**
		 * Create a resolution.
		 * @param code the response code
		 * @param diagnostic the diagnostic payload, or {@code null} for none
		 */
		public Resolution {
			Assert.notNull(code, "'code' must not be null");
		}

	}

}
