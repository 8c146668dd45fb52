package io.coapspring.server;

import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;

import org.springframework.util.Assert;

/**
 * Completes exchanges whose request gets no response, so that neither Californium nor the
 * {@link CoapRequestGate} keeps them in flight.
 * <p>
 * A request may get no response on purpose: Californium's {@link Exchange#sendResponse} silently drops an
 * error response to a multicast request (RFC 7252 section 8.2) and any response the request's No-Response
 * option (RFC 7967) suppresses, and a multicast discovery request that matches nothing is not answered at all.
 * Nothing then marks the exchange as done. Called once the application has produced its response (or decided
 * on none), {@link #completeIfUnanswered(Exchange)} completes the exchange on its own serial executor, after
 * the response was handed to the endpoint, if no response was in fact handed over.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class UnansweredExchanges {

	private UnansweredExchanges() {
	}

	/**
	 * Return whether a request may legitimately get no response: it came through a multicast group or carries
	 * a No-Response option.
	 * <p>
	 * Ask before sending the response: with message offloading, Californium drops the options of a request once
	 * it is answered, and such a request is then reported as answered ({@code false}).
	 * @param request an inbound request
	 * @return {@code true} if its response may be suppressed
	 */
	public static boolean mayGoUnanswered(Request request) {
		Assert.notNull(request, "'request' must not be null");
		if (request.isMulticast()) {
			return true;
		}
		if (request.getOffloadMode() == Message.OffloadMode.FULL) {
			return false;
		}
		try {
			return request.getOptions().hasNoResponse();
		}
		catch (IllegalStateException ex) {
			// offloaded meanwhile: it was answered
			return false;
		}
	}

	/**
	 * Complete the exchange if it has no response: call after {@link Exchange#sendResponse}, or instead of it
	 * to leave a request unanswered.
	 * @param exchange the exchange of an inbound request
	 */
	public static void completeIfUnanswered(Exchange exchange) {
		Assert.notNull(exchange, "'exchange' must not be null");
		// runs after a response handed over from another thread, which Californium queues the same way; the
		// exchange's response is set as soon as the stack has it, its current response only once sent, which
		// for the answer to a multicast request is after the leisure
		exchange.execute(() -> {
			if (!exchange.isComplete() && exchange.getResponse() == null) {
				exchange.setComplete();
			}
		});
	}

}
