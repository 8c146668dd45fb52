package io.coapspring.server.dtls;

import io.coapspring.security.CoapPeerIdentity;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * Answers a GET with the peer identity the request arrived with: {@code hello <type> <name>}, or
 * {@code hello anonymous} over plain UDP.
 */
class WhoAmIResource extends CoapResource {

	WhoAmIResource() {
		super("whoami");
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		CoapPeerIdentity identity = CoapPeerIdentity.of(exchange.advanced().getRequest());
		String text = (identity != null) ? "hello " + identity.getType() + " " + identity.getName() : "hello anonymous";
		exchange.respond(ResponseCode.CONTENT, text, MediaTypeRegistry.TEXT_PLAIN);
	}

}
