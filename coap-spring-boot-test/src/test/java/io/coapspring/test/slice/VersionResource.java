package io.coapspring.test.slice;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;

import org.springframework.stereotype.Component;

/**
 * A plain Californium resource, part of the server in a {@code @CoapTest}.
 */
@Component
public class VersionResource extends CoapResource {

	public VersionResource() {
		super("version");
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		exchange.respond("1.0");
	}

}
