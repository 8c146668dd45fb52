package io.coapspring.sample;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

import org.springframework.stereotype.Component;

/**
 * The CoAP face of the greeting service, as a plain Californium resource bean that the starter adds to
 * its server: {@code coap://host/hello?name=...}.
 */
@Component
class HelloResource extends CoapResource {

	private final GreetingService greetings;

	HelloResource(GreetingService greetings) {
		super("hello");
		this.greetings = greetings;
		getAttributes().setTitle("Greeting");
		getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		String name = exchange.getQueryParameter("name");
		exchange.respond(ResponseCode.CONTENT,
				this.greetings.greet((name != null) ? name : "CoAP"), MediaTypeRegistry.TEXT_PLAIN);
	}

}
