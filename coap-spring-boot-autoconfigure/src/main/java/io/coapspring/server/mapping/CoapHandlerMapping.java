package io.coapspring.server.mapping;

import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * One registration in the {@link CoapHandlerMappingRegistry}: a path pattern, the mapping it belongs to and
 * the handler method that serves it. A handler method mapped to several paths has one registration per path.
 *
 * @param pattern the path pattern
 * @param info the mapping of the handler method
 * @param handlerMethod the handler method
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapHandlerMapping(CoapPathPattern pattern, CoapMappingInfo info, CoapHandlerMethod handlerMethod) {

	/**
	 * Validate the components.
	 */
	public CoapHandlerMapping {
		Assert.notNull(pattern, "'pattern' must not be null");
		Assert.notNull(info, "'info' must not be null");
		Assert.notNull(handlerMethod, "'handlerMethod' must not be null");
	}

	/**
	 * Describe the mapping for messages: {@code GET,PUT /sensors/{id}}.
	 * @return the description
	 */
	public String describe() {
		return this.info.methods().stream().sorted().map(Enum::name).collect(Collectors.joining(",")) + " "
				+ this.pattern;
	}

}
