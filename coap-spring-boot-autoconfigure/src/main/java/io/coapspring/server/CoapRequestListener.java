package io.coapspring.server;

import org.eclipse.californium.core.network.Exchange;

/**
 * Told of every request the server delivers, on the thread that delivers it, before the request gate, the
 * {@link CoapRequestRouter} and the resource tree see it: requests refused while shutting down included,
 * duplicates answered by Californium's deduplication excluded.
 * <p>
 * Instrumentation such as the request observations registers one with
 * {@link CoapMessageDeliverer#addRequestListener(CoapRequestListener)}, typically from a
 * {@link CoapServerCustomizer}. A listener must be quick and must not throw: it runs on Californium's protocol
 * threads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapRequestListener {

	/**
	 * Called when the server delivers a request.
	 * @param exchange the exchange of the request
	 */
	void onRequest(Exchange exchange);

}
