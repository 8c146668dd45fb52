package io.coapspring.server.function;

import java.util.List;

import io.coapspring.server.mapping.CoapHandlerMapping;

/**
 * The routes of one router function in the {@link CoapRouteRegistry}: what {@link CoapRouteRegistry#unregister}
 * removes.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRouteRegistration {

	private final String source;

	private final List<CoapHandlerMapping> mappings;

	private final boolean runtime;

	CoapRouteRegistration(String source, List<CoapHandlerMapping> mappings, boolean runtime) {
		this.source = source;
		this.mappings = List.copyOf(mappings);
		this.runtime = runtime;
	}

	/**
	 * Return where the routes come from.
	 * @return the description, for instance {@code router function 'sensorRoutes'}
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Return the mappings of the routes.
	 * @return the mappings
	 */
	public List<CoapHandlerMapping> getMappings() {
		return this.mappings;
	}

	/**
	 * Return the path patterns of the routes.
	 * @return the patterns, without duplicates, in declaration order
	 */
	public List<String> getPatterns() {
		return this.mappings.stream().map((mapping) -> mapping.pattern().getPattern()).distinct().toList();
	}

	/**
	 * Return whether the routes were registered while the application ran, rather than from a bean.
	 * @return {@code true} for routes registered at run time
	 */
	public boolean isRuntime() {
		return this.runtime;
	}

	void markRemoved() {
		for (CoapHandlerMapping mapping : this.mappings) {
			((CoapRouteHandlerMethod) mapping.handlerMethod()).getHandler().markRemoved();
		}
	}

	@Override
	public String toString() {
		return this.source + " " + getPatterns();
	}

}
