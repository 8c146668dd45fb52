package io.coapspring.client.observation;

import java.net.URI;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import org.springframework.util.Assert;

/**
 * Context of the observation of one request a {@code CoapTemplate} sends: the Californium request, the URI it
 * was built from and, once received, the response.
 * <p>
 * CoAP has no standard option that carries a trace context, so nothing is injected into the request: the client
 * span is recorded, but the server cannot join its trace.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapClientObservationContext extends RequestReplySenderContext<Request, Response> {

	private final URI uri;

	/**
	 * Create a context for a request.
	 * @param request the outbound request
	 * @param uri the absolute URI the request was built from
	 */
	public CoapClientObservationContext(Request request, URI uri) {
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(uri, "'uri' must not be null");
		this.uri = uri;
		setCarrier(request);
		setRemoteServiceName(uri.getHost());
		setRemoteServiceAddress(uri.getScheme() + "://" + uri.getRawAuthority());
	}

	/**
	 * Return the request.
	 * @return the outbound request
	 */
	public Request getRequest() {
		Request request = getCarrier();
		Assert.state(request != null, "No request");
		return request;
	}

	/**
	 * Return the URI the request was built from.
	 * @return the absolute URI
	 */
	public URI getUri() {
		return this.uri;
	}

}
