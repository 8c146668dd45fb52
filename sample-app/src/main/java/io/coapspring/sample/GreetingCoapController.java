package io.coapspring.sample;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapNonBlocking;
import io.coapspring.annotation.CoapQueryParam;

/**
 * The CoAP face of the greeting service: {@code coap://host/hello?name=...}. Greeting only counts in memory, so
 * the method is {@link CoapNonBlocking}: it runs on the protocol thread, without the hand-off to the handler
 * executor.
 */
@CoapController
class GreetingCoapController {

	private final GreetingService greetings;

	GreetingCoapController(GreetingService greetings) {
		this.greetings = greetings;
	}

	@CoapNonBlocking
	@CoapGetMapping(path = "/hello", produces = "text/plain", title = "Greeting")
	String hello(@CoapQueryParam(defaultValue = "CoAP") String name) {
		return this.greetings.greet(name);
	}

}
