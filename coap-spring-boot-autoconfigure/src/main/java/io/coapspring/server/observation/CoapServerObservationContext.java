package io.coapspring.server.observation;

import io.coapspring.server.CoapRequestRoute;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplyReceiverContext;

import org.springframework.util.Assert;

/**
 * Context of the observation of one request the CoAP server answers: the Californium request, its route and,
 * once sent, the response.
 * <p>
 * CoAP has no standard option that carries a trace context, so nothing is extracted from the request: a span
 * started for it joins the trace of the current thread, if any, or starts a new one.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerObservationContext extends RequestReplyReceiverContext<Request, Response> {

	private final Request request;

	private @Nullable String remoteServiceAddress;

	private boolean remoteServiceAddressSet;

	private @Nullable String path;

	/**
	 * Create a context for a request.
	 * @param request the inbound request
	 */
	public CoapServerObservationContext(Request request) {
		super((carrier, key) -> null, Kind.SERVER);
		Assert.notNull(request, "'request' must not be null");
		this.request = request;
		setCarrier(request);
	}

	/**
	 * Return the address of the peer that sent the request, unless one was set; formatted only when asked for,
	 * since most observation handlers (a timer's among them) never ask.
	 * @return the peer's address
	 */
	@Override
	public @Nullable String getRemoteServiceAddress() {
		if (!this.remoteServiceAddressSet) {
			this.remoteServiceAddress = this.request.getSourceContext().getPeerAddress().toString();
			this.remoteServiceAddressSet = true;
		}
		return this.remoteServiceAddress;
	}

	@Override
	public void setRemoteServiceAddress(@Nullable String remoteServiceAddress) {
		this.remoteServiceAddress = remoteServiceAddress;
		this.remoteServiceAddressSet = true;
	}

	/**
	 * Return the request's path, {@code /} followed by its Uri-Path options joined by {@code /}; built once per
	 * request.
	 * @return the path
	 * @since 0.1.0
	 */
	public String getPath() {
		String path = this.path;
		if (path == null) {
			path = "/" + this.request.getOptions().getUriPathString();
			this.path = path;
		}
		return path;
	}

	/**
	 * Return the request.
	 * @return the inbound request
	 */
	public Request getRequest() {
		return this.request;
	}

	/**
	 * Return the route of the request: the path pattern of the handler mapping, or the path of the resource,
	 * that served it.
	 * @return the route, or {@code null} if no mapping nor resource served the request
	 * @see CoapRequestRoute
	 */
	public @Nullable String getRoute() {
		return CoapRequestRoute.get(this.request);
	}

}
