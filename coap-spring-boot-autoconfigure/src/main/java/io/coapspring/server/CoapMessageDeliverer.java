package io.coapspring.server;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.DelivererException;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The server's {@link ServerMessageDeliverer}: requests pass the {@link CoapRequestGate} before Californium
 * looks up the resource, so that a server that is shutting down answers 5.03 Service Unavailable instead of
 * starting new work, and in-flight exchanges are known to the graceful shutdown.
 * <p>
 * A {@link CoapRequestRouter}, when present, is asked for the resource first: that is how mapped handler
 * methods receive requests. When it has none, the server's resource tree is searched as in a plain
 * {@code CoapServer}, so Californium {@link Resource}s added to the server keep working. Either way
 * Californium's observe machinery (observe relations per resource) and the resource's executor apply.
 * <p>
 * A request to a path that nothing serves gets 4.04 Not Found as from a plain server; when it came through a
 * multicast group or carries a No-Response option, the exchange is completed once Californium has
 * suppressed that answer (see {@link UnansweredExchanges}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageDeliverer extends ServerMessageDeliverer {

	private static final long SHUTDOWN_RETRY_SECONDS = 5;

	private final CoapRequestGate gate;

	private final @Nullable CoapRequestRouter router;

	private final Resource notFound = new NotFoundResource();

	/**
	 * Create a deliverer that searches the resource tree only.
	 * @param root the server's root resource
	 * @param configuration the server configuration
	 * @param gate the gate that admits requests
	 */
	public CoapMessageDeliverer(Resource root, Configuration configuration, CoapRequestGate gate) {
		this(root, configuration, gate, null);
	}

	/**
	 * Create a deliverer.
	 * @param root the server's root resource
	 * @param configuration the server configuration
	 * @param gate the gate that admits requests
	 * @param router the router asked before the resource tree, or {@code null}
	 */
	public CoapMessageDeliverer(Resource root, Configuration configuration, CoapRequestGate gate,
			@Nullable CoapRequestRouter router) {
		super(root, configuration);
		Assert.notNull(gate, "'gate' must not be null");
		this.gate = gate;
		this.router = router;
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

	@Override
	protected Resource findResource(Exchange exchange) throws DelivererException {
		if (this.router != null) {
			Resource routed = this.router.route(exchange);
			if (routed != null) {
				return routed;
			}
		}
		Resource resource = super.findResource(exchange);
		if (resource == null && UnansweredExchanges.mayGoUnanswered(exchange.getRequest())) {
			// Californium would send a 4.04 that it then suppresses, leaving the exchange in flight forever
			return this.notFound;
		}
		return resource;
	}

	/**
	 * Answers 4.04 Not Found and completes the exchange if the answer was suppressed.
	 */
	private static final class NotFoundResource extends CoapResource {

		NotFoundResource() {
			super("");
			setVisible(false);
		}

		@Override
		public void handleRequest(Exchange exchange) {
			exchange.sendResponse(new Response(ResponseCode.NOT_FOUND, true));
			UnansweredExchanges.completeIfUnanswered(exchange);
		}

	}

}
