package io.coapspring.server.invocation.support;

import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapRequest;

import org.springframework.core.MethodParameter;

/**
 * Resolves an unannotated {@code byte[]} parameter to the raw request payload, whatever its Content-Format.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RawPayloadArgumentResolver implements CoapHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == byte[].class && parameter.getParameterAnnotations().length == 0;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
		return request.getPayload();
	}

}
