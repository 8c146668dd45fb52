package io.coapspring.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
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
 * A path that neither serves is answered 4.04 Not Found with a diagnostic here, logged at DEBUG (Californium's
 * own deliverer logs every unknown path at INFO). The path of a resource found in the tree is recorded as the
 * request's {@link CoapRequestRoute}. {@link CoapRequestListener}s are told of every request first.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageDeliverer extends ServerMessageDeliverer {

	private static final Log logger = LogFactory.getLog(CoapMessageDeliverer.class);

	private static final long SHUTDOWN_RETRY_SECONDS = 5;

	private final List<CoapRequestListener> listeners = new CopyOnWriteArrayList<>();

	private final CoapRequestGate gate;

	private final @Nullable CoapRequestRouter router;

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

	/**
	 * Add a listener told of every request before it is delivered.
	 * @param listener the listener
	 */
	public void addRequestListener(CoapRequestListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.add(listener);
	}

	@Override
	protected boolean preDeliverRequest(Exchange exchange) {
		for (CoapRequestListener listener : this.listeners) {
			listener.onRequest(exchange);
		}
		if (!this.gate.isAccepting()) {
			this.gate.refused(exchange);
			Response response = new Response(ResponseCode.SERVICE_UNAVAILABLE);
			response.getOptions().setMaxAge(SHUTDOWN_RETRY_SECONDS);
			response.setPayload("server is shutting down");
			if (logger.isDebugEnabled()) {
				logger.debug("CoAP request " + describe(exchange.getRequest())
						+ " answered 5.03 SERVICE_UNAVAILABLE: server is shutting down");
			}
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
		Request request = exchange.getRequest();
		if (resource == null) {
			String diagnostic = "No resource at /" + request.getOptions().getUriPathString();
			if (logger.isDebugEnabled()) {
				logger.debug("CoAP request " + describe(request) + " answered 4.04 NOT_FOUND: " + diagnostic);
			}
			throw new DelivererException(ResponseCode.NOT_FOUND, diagnostic, true);
		}
		String uri = resource.getURI();
		CoapRequestRoute.set(request, uri.startsWith("/") ? uri : "/" + uri);
		return resource;
	}

	/**
	 * Describe a request for log messages: {@code GET /sensors/7 from 192.0.2.7:5683}.
	 * @param request the request
	 * @return the description
	 */
	static String describe(Request request) {
		return request.getCode() + " /" + request.getOptions().getUriPathString() + " from "
				+ request.getSourceContext().getPeerAddress();
	}

}
