package io.coapspring.server.function;

import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapPayloadReader;
import io.coapspring.server.invocation.CoapRequest;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Resolves {@link CoapServerRequest} parameters: how a functional route's handler receives its request through
 * the invocation machinery of handler methods.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerRequestArgumentResolver implements CoapHandlerMethodArgumentResolver {

	private final CoapPayloadReader reader;

	/**
	 * Create a resolver.
	 * @param reader reads and validates payloads, as for {@code @CoapPayload} parameters
	 */
	public CoapServerRequestArgumentResolver(CoapPayloadReader reader) {
		Assert.notNull(reader, "'reader' must not be null");
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CoapServerRequest.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
		return new CoapServerRequest(request, this.reader);
	}

}
