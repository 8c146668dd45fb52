package io.coapspring.sample;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapQueryParam;

/**
 * The CoAP face of the greeting service: {@code coap://host/hello?name=...}.
 */
@CoapController
class GreetingCoapController {

	private final GreetingService greetings;

	GreetingCoapController(GreetingService greetings) {
		this.greetings = greetings;
	}

	@CoapGetMapping(path = "/hello", produces = "text/plain", title = "Greeting")
	String hello(@CoapQueryParam(defaultValue = "CoAP") String name) {
		return this.greetings.greet(name);
	}

}
