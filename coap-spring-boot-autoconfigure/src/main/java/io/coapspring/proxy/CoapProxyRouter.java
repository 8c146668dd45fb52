package io.coapspring.proxy;

import io.coapspring.server.CoapRequestRouter;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Routes requests that carry a Proxy-Uri or Proxy-Scheme option to the {@link CoapProxyResource}, ahead of
 * the handler methods; other requests go on to the next router.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapProxyRouter implements CoapRequestRouter, Ordered {

	private final CoapProxyResource resource;

	/**
	 * Create a router.
	 * @param resource the resource of proxy requests
	 */
	public CoapProxyRouter(CoapProxyResource resource) {
		Assert.notNull(resource, "'resource' must not be null");
		this.resource = resource;
	}

	@Override
	public @Nullable Resource route(Exchange exchange) {
		return ProxyRequestReader.isProxyRequest(exchange.getRequest()) ? this.resource : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
