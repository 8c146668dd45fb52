package io.coapspring.server.function;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * The routes of a functional endpoint, the counterpart of WebMvc.fn's {@code RouterFunction}. Declare it as a
 * bean to have its routes registered before the server starts, or register it with the
 * {@link CoapRouteRegistry} while the server runs. Built with {@link CoapRouterFunctions#route()}.
 * <p>
 * The routes are data rather than a function of the request: each becomes a mapping in the registry that
 * annotated handler methods use, so both are routed, discovered, observed and checked for ambiguity the same
 * way.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRouterFunction {

	private final List<CoapRoute> routes;

	CoapRouterFunction(List<CoapRoute> routes) {
		Assert.notEmpty(routes, "A router function needs at least one route");
		this.routes = List.copyOf(routes);
	}

	/**
	 * Return the routes, in declaration order.
	 * @return the routes
	 */
	public List<CoapRoute> getRoutes() {
		return this.routes;
	}

	/**
	 * Return a router function with the routes of this one, then those of another.
	 * @param other the other router function
	 * @return the combined router function
	 */
	public CoapRouterFunction and(CoapRouterFunction other) {
		Assert.notNull(other, "'other' must not be null");
		List<CoapRoute> all = new ArrayList<>(this.routes);
		all.addAll(other.routes);
		return new CoapRouterFunction(all);
	}

	/**
	 * Return a router function whose handlers are wrapped by a filter.
	 * @param filter the filter
	 * @return the filtered router function
	 */
	public CoapRouterFunction filter(CoapHandlerFilterFunction filter) {
		Assert.notNull(filter, "'filter' must not be null");
		return new CoapRouterFunction(this.routes.stream()
			.map((route) -> new CoapRoute(route.predicate(), filter.apply(route.handler()), route.attributes()))
			.toList());
	}

	@Override
	public String toString() {
		return "CoapRouterFunction " + this.routes;
	}

}
