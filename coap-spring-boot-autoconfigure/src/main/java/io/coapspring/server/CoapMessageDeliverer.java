package io.coapspring.server;

import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
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
 * The {@link CoapRequestRouter}s, when present, are asked for the resource first, in order: that is how the
 * forward proxy and mapped handler methods receive requests. When none has one, the server's resource tree is
 * searched as in a plain {@code CoapServer}, so Californium {@link Resource}s added to the server keep working.
 * Either way Californium's observe machinery (observe relations per resource) and the resource's executor
 * apply. A request carrying a Proxy-Uri or Proxy-Scheme option that no router takes is answered with 5.05
 * Proxying Not Supported (RFC 7252 section 5.7.2), never served by the resource tree.
 * <p>
 * A request to a path that nothing serves gets 4.04 Not Found as from a plain server; when such an error answer
 * goes to a request that came through a multicast group or carries a No-Response option, the exchange is
 * completed once Californium has suppressed the answer (see {@link UnansweredExchanges}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageDeliverer extends ServerMessageDeliverer {

	private static final long SHUTDOWN_RETRY_SECONDS = 5;

	private static final String NOT_A_PROXY = "This server is not a proxy";

	private final CoapRequestGate gate;

	private final List<CoapRequestRouter> routers;

	private final Resource notFound = new ErrorAnswer(ResponseCode.NOT_FOUND, null);

	private final Resource notAProxy = new ErrorAnswer(ResponseCode.PROXY_NOT_SUPPORTED, NOT_A_PROXY);

	/**
	 * Create a deliverer that searches the resource tree only.
	 * @param root the server's root resource
	 * @param configuration the server configuration
	 * @param gate the gate that admits requests
	 */
	public CoapMessageDeliverer(Resource root, Configuration configuration, CoapRequestGate gate) {
		this(root, configuration, gate, List.of());
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
		this(root, configuration, gate, (router != null) ? List.of(router) : List.of());
	}

	/**
	 * Create a deliverer with several routers.
	 * @param root the server's root resource
	 * @param configuration the server configuration
	 * @param gate the gate that admits requests
	 * @param routers the routers asked in order before the resource tree
	 */
	public CoapMessageDeliverer(Resource root, Configuration configuration, CoapRequestGate gate,
			List<? extends CoapRequestRouter> routers) {
		super(root, configuration);
		Assert.notNull(gate, "'gate' must not be null");
		Assert.notNull(routers, "'routers' must not be null");
		this.gate = gate;
		this.routers = List.copyOf(routers);
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
		for (CoapRequestRouter router : this.routers) {
			Resource routed = router.route(exchange);
			if (routed != null) {
				return routed;
			}
		}
		// Californium would send these errors itself and might suppress them, leaving the exchange in flight
		boolean mayGoUnanswered = UnansweredExchanges.mayGoUnanswered(exchange.getRequest());
		OptionSet options = exchange.getRequest().getOptions();
		if (options.hasProxyUri() || options.hasProxyScheme()) {
			if (mayGoUnanswered) {
				return this.notAProxy;
			}
			throw new DelivererException(ResponseCode.PROXY_NOT_SUPPORTED, NOT_A_PROXY);
		}
		Resource resource = super.findResource(exchange);
		return (resource == null && mayGoUnanswered) ? this.notFound : resource;
	}

	/**
	 * Answers an error and completes the exchange if the answer was suppressed.
	 */
	private static final class ErrorAnswer extends CoapResource {

		private final ResponseCode code;

		private final @Nullable String message;

		ErrorAnswer(ResponseCode code, @Nullable String message) {
			super("");
			this.code = code;
			this.message = message;
			setVisible(false);
		}

		@Override
		public void handleRequest(Exchange exchange) {
			Response response = new Response(this.code, true);
			if (this.message != null) {
				response.setPayload(this.message);
			}
			exchange.sendResponse(response);
			UnansweredExchanges.completeIfUnanswered(exchange);
		}

	}

}
