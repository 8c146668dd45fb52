package io.coapspring.server.function;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapPathPattern;

import org.springframework.util.Assert;

/**
 * Turns the routes of a {@link CoapRouterFunction} into the {@link CoapHandlerMapping}s of the registry that
 * annotated handler methods use: one per path pattern, methods, consumes and produces, whose handler method is
 * {@link CoapRouteHandler#handle(CoapServerRequest)} on the routes that share them. A route without a path
 * pattern serves every path ({@code /{*path}}), one without methods every method.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRouteMappings {

	private static final String ANY_PATH = "/{*path}";

	private CoapRouteMappings() {
	}

	/**
	 * Create the mappings of a router function.
	 * @param source where the routes come from, for messages and the mappings endpoint
	 * @param routes the router function
	 * @return the mappings, in the order of their first route
	 * @throws IllegalArgumentException naming the source if a path pattern is invalid
	 */
	public static List<CoapHandlerMapping> of(String source, CoapRouterFunction routes) {
		Assert.hasText(source, "'source' must not be empty");
		Assert.notNull(routes, "'routes' must not be null");
		Map<Key, List<CoapRoute>> grouped = new LinkedHashMap<>();
		for (CoapRoute route : routes.getRoutes()) {
			CoapRequestPredicate predicate = route.predicate();
			String pattern = (predicate.getPattern() != null) ? predicate.getPattern() : ANY_PATH;
			CoapPathPattern parsed;
			try {
				parsed = CoapPathPattern.parse(pattern);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid path pattern of " + source + ": " + ex.getMessage(), ex);
			}
			Set<CoapMethod> methods = predicate.getMethods().isEmpty() ? EnumSet.allOf(CoapMethod.class)
					: predicate.getMethods();
			grouped.computeIfAbsent(new Key(parsed, methods, predicate.getConsumes(), predicate.getProduces()),
					(key) -> new ArrayList<>())
				.add(route);
		}
		List<CoapHandlerMapping> mappings = new ArrayList<>(grouped.size());
		grouped.forEach((key, group) -> {
			CoapRouteHandlerMethod handlerMethod = new CoapRouteHandlerMethod(new CoapRouteHandler(group), source);
			CoapRouteAttributes attributes = group.get(0).attributes();
			CoapMappingInfo info = new CoapMappingInfo(List.of(key.pattern()), key.methods(), key.consumes(),
					key.produces(), attributes.observable(), attributes.discoverable(), false,
					attributes.resourceTypes(), attributes.interfaceDescriptions(), attributes.title(),
					attributes.size(), attributes.etag(), attributes.maxAge());
			mappings.add(new CoapHandlerMapping(key.pattern(), info, handlerMethod));
		});
		return mappings;
	}

	/**
	 * What the routes of one mapping share.
	 */
	private record Key(CoapPathPattern pattern, Set<CoapMethod> methods, List<Integer> consumes,
			List<Integer> produces) {
	}

}
