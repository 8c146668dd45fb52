package io.coapspring.server;

import java.util.List;

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
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageDeliverer extends ServerMessageDeliverer {

	private static final long SHUTDOWN_RETRY_SECONDS = 5;

	private final CoapRequestGate gate;

	private final List<CoapRequestRouter> routers;

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
		OptionSet options = exchange.getRequest().getOptions();
		if (options.hasProxyUri() || options.hasProxyScheme()) {
			throw new DelivererException(ResponseCode.PROXY_NOT_SUPPORTED, "This server is not a proxy");
		}
		return super.findResource(exchange);
	}

}
