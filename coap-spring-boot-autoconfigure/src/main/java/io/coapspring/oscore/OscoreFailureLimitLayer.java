package io.coapspring.oscore;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.stack.AbstractLayer;

/**
 * The bottom layer of the server's OSCORE stack: drops, before the OSCORE layer decrypts them, the protected
 * requests the {@link OscoreFailureLimiter} refuses, and shows it every response on its way out.
 *
 * @author CoAP Spring Boot team
 */
final class OscoreFailureLimitLayer extends AbstractLayer {

	private final OscoreFailureLimiter limiter;

	OscoreFailureLimitLayer(OscoreFailureLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public void receiveRequest(Exchange exchange, Request request) {
		if (this.limiter.drop(request)) {
			request.setCanceled(true);
			exchange.setComplete();
			return;
		}
		super.receiveRequest(exchange, request);
	}

	@Override
	public void sendResponse(Exchange exchange, Response response) {
		this.limiter.sent(response);
		super.sendResponse(exchange, response);
	}

}
