package io.coapspring.server.function;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.coapspring.annotation.CoapMethod;

import org.springframework.util.Assert;

/**
 * Builds {@link CoapRouterFunction}s, the counterpart of WebMvc.fn's {@code RouterFunctions}:
 * <pre class="code">
 * &#64;Bean
 * CoapRouterFunction sensorRoutes(SensorHandler handler) {
 *     return CoapRouterFunctions.route()
 *         .GET("/sensors/{id}", handler::read)
 *         .withAttributes((attributes) -&gt; attributes.observable(true).resourceType("temperature-c"))
 *         .PUT("/sensors/{id}", contentFormat(50), handler::update)
 *         .path("/admin", (admin) -&gt; admin.DELETE("/sensors/{id}", handler::delete))
 *         .filter((request, next) -&gt; next.handle(request))
 *         .build();
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRouterFunctions {

	private CoapRouterFunctions() {
	}

	/**
	 * Start a router function.
	 * @return a builder
	 */
	public static Builder route() {
		return new Builder();
	}

	/**
	 * Create a router function of one route.
	 * @param predicate the requests it handles
	 * @param handler the handler
	 * @return the router function
	 */
	public static CoapRouterFunction route(CoapRequestPredicate predicate, CoapHandlerFunction handler) {
		return route().route(predicate, handler).build();
	}

	/**
	 * Builds a {@link CoapRouterFunction}. Path patterns of the routes are relative to the enclosing
	 * {@link #path(String, Consumer)}; a filter applies to the routes added before it.
	 */
	public static final class Builder {

		private final List<CoapRoute> routes = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add a route for requests that match a predicate.
		 * @param predicate the predicate, with a path pattern or not (any path)
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder route(CoapRequestPredicate predicate, CoapHandlerFunction handler) {
			Assert.notNull(predicate, "'predicate' must not be null");
			Assert.notNull(handler, "'handler' must not be null");
			this.routes.add(new CoapRoute(predicate, handler, CoapRouteAttributes.DEFAULT));
			return this;
		}

		private Builder method(CoapMethod method, String pattern, CoapRequestPredicate predicate,
				CoapHandlerFunction handler) {
			return route(CoapRequestPredicates.path(pattern).and(CoapRequestPredicates.method(method)).and(predicate),
					handler);
		}

		/**
		 * Add a route for GET requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder GET(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.GET, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for GET requests that also match a predicate.
		 * @param pattern the path pattern
		 * @param predicate the predicate
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder GET(String pattern, CoapRequestPredicate predicate, CoapHandlerFunction handler) {
			return method(CoapMethod.GET, pattern, predicate, handler);
		}

		/**
		 * Add a route for FETCH requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder FETCH(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.FETCH, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for POST requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder POST(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.POST, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for POST requests that also match a predicate.
		 * @param pattern the path pattern
		 * @param predicate the predicate
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder POST(String pattern, CoapRequestPredicate predicate, CoapHandlerFunction handler) {
			return method(CoapMethod.POST, pattern, predicate, handler);
		}

		/**
		 * Add a route for PUT requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder PUT(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.PUT, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for PUT requests that also match a predicate.
		 * @param pattern the path pattern
		 * @param predicate the predicate
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder PUT(String pattern, CoapRequestPredicate predicate, CoapHandlerFunction handler) {
			return method(CoapMethod.PUT, pattern, predicate, handler);
		}

		/**
		 * Add a route for PATCH requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder PATCH(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.PATCH, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for iPATCH requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder IPATCH(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.IPATCH, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add a route for DELETE requests.
		 * @param pattern the path pattern
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder DELETE(String pattern, CoapHandlerFunction handler) {
			return method(CoapMethod.DELETE, pattern, CoapRequestPredicates.all(), handler);
		}

		/**
		 * Add the routes of another router function.
		 * @param routerFunction the router function
		 * @return this builder
		 */
		public Builder add(CoapRouterFunction routerFunction) {
			Assert.notNull(routerFunction, "'routerFunction' must not be null");
			this.routes.addAll(routerFunction.getRoutes());
			return this;
		}

		/**
		 * Add routes under a path prefix.
		 * @param prefix the prefix, for instance {@code /sensors}
		 * @param nested adds the routes, with patterns relative to the prefix
		 * @return this builder
		 */
		public Builder path(String prefix, Consumer<Builder> nested) {
			Assert.hasText(prefix, "'prefix' must not be empty");
			return nest(CoapRequestPredicates.path(prefix), nested);
		}

		/**
		 * Add routes that also match a predicate: its path pattern (if any) prefixes theirs, its methods,
		 * formats and conditions are combined with theirs.
		 * @param predicate the predicate
		 * @param nested adds the routes
		 * @return this builder
		 */
		public Builder nest(CoapRequestPredicate predicate, Consumer<Builder> nested) {
			Assert.notNull(predicate, "'predicate' must not be null");
			Assert.notNull(nested, "'nested' must not be null");
			Builder builder = new Builder();
			nested.accept(builder);
			String prefix = predicate.getPattern();
			CoapRequestPredicate rest = predicate.withoutPattern();
			for (CoapRoute route : builder.routes) {
				CoapRequestPredicate combined = (prefix != null) ? route.predicate().under(prefix) : route.predicate();
				this.routes.add(new CoapRoute(rest.and(combined), route.handler(), route.attributes()));
			}
			return this;
		}

		/**
		 * Set the attributes of the route added last.
		 * @param attributes changes the attributes
		 * @return this builder
		 */
		public Builder withAttributes(Consumer<CoapRouteAttributes.Builder> attributes) {
			Assert.notNull(attributes, "'attributes' must not be null");
			Assert.state(!this.routes.isEmpty(), "Add a route before its attributes");
			CoapRoute last = this.routes.get(this.routes.size() - 1);
			CoapRouteAttributes.Builder builder = last.attributes().mutate();
			attributes.accept(builder);
			this.routes.set(this.routes.size() - 1, new CoapRoute(last.predicate(), last.handler(), builder.build()));
			return this;
		}

		/**
		 * Wrap the handlers of the routes added so far with a filter.
		 * @param filter the filter
		 * @return this builder
		 */
		public Builder filter(CoapHandlerFilterFunction filter) {
			Assert.notNull(filter, "'filter' must not be null");
			this.routes.replaceAll(
					(route) -> new CoapRoute(route.predicate(), filter.apply(route.handler()), route.attributes()));
			return this;
		}

		/**
		 * Build the router function.
		 * @return the router function
		 * @throws IllegalArgumentException if no route was added
		 */
		public CoapRouterFunction build() {
			return new CoapRouterFunction(this.routes);
		}

	}

}
