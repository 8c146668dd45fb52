package io.coapspring.benchmarks.servers;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * The GET scenario as a plain Californium resource: 2.05 with 5 bytes of text.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class HelloResource extends CoapResource {

	/**
	 * Create the resource at {@link ScenarioPaths#HELLO}.
	 */
	public HelloResource() {
		super(ScenarioPaths.HELLO.substring(1));
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		exchange.respond(ResponseCode.CONTENT, ScenarioPaths.HELLO_PAYLOAD, MediaTypeRegistry.TEXT_PLAIN);
	}

}
