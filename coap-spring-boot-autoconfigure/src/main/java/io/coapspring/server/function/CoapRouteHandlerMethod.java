package io.coapspring.server.function;

import io.coapspring.server.mapping.CoapHandlerMethod;

import org.springframework.util.Assert;

/**
 * The handler method of a functional mapping: {@link CoapRouteHandler#handle(CoapServerRequest)} on the routes
 * of the mapping, described by where the routes come from (a router function bean, or a registration at run
 * time) in messages and the mappings endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRouteHandlerMethod extends CoapHandlerMethod {

	private final CoapRouteHandler handler;

	private final String source;

	/**
	 * Create a handler method.
	 * @param handler the routes
	 * @param source where the routes come from, for instance {@code router function 'sensorRoutes'}
	 */
	public CoapRouteHandlerMethod(CoapRouteHandler handler, String source) {
		super(handler, CoapRouteHandler.HANDLE_METHOD);
		Assert.hasText(source, "'source' must not be empty");
		this.handler = handler;
		this.source = source;
	}

	/**
	 * Return the routes.
	 * @return the routes
	 */
	public CoapRouteHandler getHandler() {
		return this.handler;
	}

	@Override
	public String getShortDescription() {
		return this.source + " " + this.handler.getRoutes().get(0);
	}

	@Override
	public String getHandlerDescription() {
		return this.source + " " + this.handler;
	}

	@Override
	public String toString() {
		return getShortDescription();
	}

}
