package io.coapspring.server.invocation;

import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

/**
 * What one invocation of a handler method (or one element of the stream it returned) produced: the response to
 * send and the body it was written from, whose scalar value the conditional attributes of observers compare.
 *
 * @param response the response
 * @param body the body the response was written from, {@code null} for none or for an error response
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapHandlerResult(Response response, @Nullable Object body) {

	/**
	 * Return whether the response has a success code.
	 * @return {@code true} for 2.xx
	 */
	public boolean isSuccess() {
		return this.response.isSuccess();
	}

}
