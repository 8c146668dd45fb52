package io.coapspring.server.function;

import org.springframework.util.Assert;

/**
 * One route of a {@link CoapRouterFunction}: the requests it handles, its handler and its attributes.
 *
 * @param predicate the requests it handles
 * @param handler the handler, with the filters of its router function applied
 * @param attributes the attributes
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapRoute(CoapRequestPredicate predicate, CoapHandlerFunction handler, CoapRouteAttributes attributes) {

	/**
	 * Validate the components.
	 */
	public CoapRoute {
		Assert.notNull(predicate, "'predicate' must not be null");
		Assert.notNull(handler, "'handler' must not be null");
		Assert.notNull(attributes, "'attributes' must not be null");
	}

	@Override
	public String toString() {
		return this.predicate.toString();
	}

}
