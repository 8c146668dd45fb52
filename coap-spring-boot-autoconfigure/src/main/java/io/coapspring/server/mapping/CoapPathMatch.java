package io.coapspring.server.mapping;

import java.util.List;
import java.util.Map;

/**
 * A path pattern that matched a request path, with the variables it extracted and the mappings registered
 * under it.
 *
 * @param pattern the pattern
 * @param variables the path variables by name
 * @param mappings the registrations of that pattern, never empty
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapPathMatch(CoapPathPattern pattern, Map<String, String> variables, List<CoapHandlerMapping> mappings) {

	/**
	 * Copy the components, unless they are unmodifiable already.
	 */
	public CoapPathMatch {
		variables = (variables instanceof CoapPathVariables) ? variables : Map.copyOf(variables);
		mappings = List.copyOf(mappings);
	}

}
