package io.coapspring.server;

import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Routes an inbound request to the Californium {@link Resource} that handles it, before the server's resource
 * tree is searched: the seam through which mapped handler methods receive requests while Californium's
 * observe machinery keeps working on the returned resource.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapMessageDeliverer
 */
@FunctionalInterface
public interface CoapRequestRouter {

	/**
	 * Return the resource for the request of the given exchange. Called on a Californium protocol thread, so
	 * it must not block.
	 * @param exchange the exchange of the inbound request
	 * @return the resource, or {@code null} to search the server's resource tree
	 */
	@Nullable Resource route(Exchange exchange);

}
