package io.coapspring.server.function;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapResponseStatusException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * The object a functional mapping invokes: the routes that share a path pattern, methods and formats, tried in
 * declaration order by their conditions on options and query. Its {@link #handle(CoapServerRequest)} method is
 * the handler method of the mapping, so functional routes run through the same argument resolution,
 * interceptors, return value handling and exception handlers as annotated handler methods.
 * <p>
 * Once its routes are unregistered it answers 4.04 Not Found: a request routed just before the removal, or an
 * observer notified after it, learns that the resource is gone.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRouteHandler {

	static final Method HANDLE_METHOD = handleMethod();

	private final List<CoapRoute> routes;

	private volatile boolean removed;

	CoapRouteHandler(List<CoapRoute> routes) {
		Assert.notEmpty(routes, "'routes' must not be empty");
		this.routes = List.copyOf(routes);
	}

	private static Method handleMethod() {
		Method method = ReflectionUtils.findMethod(CoapRouteHandler.class, "handle", CoapServerRequest.class);
		Assert.state(method != null, "No handle method");
		return method;
	}

	/**
	 * Return the routes.
	 * @return the routes, in declaration order
	 */
	public List<CoapRoute> getRoutes() {
		return this.routes;
	}

	/**
	 * Handle a request with the first route whose conditions it passes.
	 * @param request the request
	 * @return the response, once available
	 * @throws Exception from the handler, or a 4.04 {@link CoapResponseStatusException} if no route's conditions
	 * hold or the routes were removed
	 */
	public CompletionStage<CoapResponseEntity<?>> handle(CoapServerRequest request) throws Exception {
		if (this.removed) {
			throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "Resource removed");
		}
		for (CoapRoute route : this.routes) {
			if (route.predicate().testConditions(request)) {
				CoapServerResponse response = route.handler().handle(request);
				Assert.state(response != null, () -> "The handler of route " + route + " returned null");
				return response.toEntity();
			}
		}
		throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "No route matches the options of the request");
	}

	void markRemoved() {
		this.removed = true;
	}

	@Override
	public String toString() {
		return this.routes.toString();
	}

}
