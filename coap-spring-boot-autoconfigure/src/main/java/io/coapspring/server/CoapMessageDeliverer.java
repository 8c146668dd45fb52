package io.coapspring.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.util.Assert;

/**
 * The server's {@link ServerMessageDeliverer}: requests pass the {@link CoapRequestGate} before Californium
 * looks up the resource, so that a server that is shutting down answers 5.03 Service Unavailable instead of
 * starting new work, and in-flight exchanges are known to the graceful shutdown.
 * <p>
 * Californium's observe and discovery machinery stays untouched: resource lookup, observe relations and
 * the resource's executor work as in a plain {@code CoapServer}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageDeliverer extends ServerMessageDeliverer {

	private static final long SHUTDOWN_RETRY_SECONDS = 5;

	private final CoapRequestGate gate;

	/**
	 * Create a deliverer.
	 * @param root the server's root resource
	 * @param configuration the server configuration
	 * @param gate the gate that admits requests
	 */
	public CoapMessageDeliverer(Resource root, Configuration configuration, CoapRequestGate gate) {
		super(root, configuration);
		Assert.notNull(gate, "'gate' must not be null");
		this.gate = gate;
	}

	@Override
	protected boolean preDeliverRequest(Exchange exchange) {
		if (!this.gate.isAccepting()) {
			Response response = new Response(ResponseCode.SERVICE_UNAVAILABLE);
			response.getOptions().setMaxAge(SHUTDOWN_RETRY_SECONDS);
			response.setPayload("server is shutting down");
			exchange.sendResponse(response);
			return true;
		}
		this.gate.admitted(exchange);
		return false;
	}

}
