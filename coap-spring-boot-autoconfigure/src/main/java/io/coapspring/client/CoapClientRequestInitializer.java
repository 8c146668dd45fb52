package io.coapspring.client;

import java.net.URI;

import org.eclipse.californium.core.coap.Request;

/**
 * Adjusts each request a {@link CoapTemplate} prepares, after its options, payload and destination are set and
 * before it is sent, for instance to mark requests to an OSCORE peer for protection. Set on the
 * {@link CoapClientEndpoints} the templates share.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapClientRequestInitializer {

	/**
	 * Initialize a request.
	 * @param request the request about to be sent
	 * @param uri the URI of the resource the request is for
	 */
	void initialize(Request request, URI uri);

}
