package io.coapspring.server.handler.support;

import java.net.InetSocketAddress;
import java.security.Principal;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.handler.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.handler.CoapRequest;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves parameters that describe the request itself: {@link CoapRequest}, the peer's
 * {@link InetSocketAddress}, the peer's {@link Principal} ({@code null} over plain UDP), the
 * {@link CoapMethod}, the request's {@link OptionSet} and Californium's {@link Request}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestArgumentResolver implements CoapHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == CoapRequest.class || type == InetSocketAddress.class || Principal.class.isAssignableFrom(type)
				|| type == CoapMethod.class || type == OptionSet.class || type == Request.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) {
		Class<?> type = parameter.getParameterType();
		if (type == CoapRequest.class) {
			return request;
		}
		if (type == InetSocketAddress.class) {
			return request.getPeerAddress();
		}
		if (type == CoapMethod.class) {
			return request.getMethod();
		}
		if (type == OptionSet.class) {
			return request.getOptions();
		}
		if (type == Request.class) {
			return request.unwrap();
		}
		Principal principal = request.getPrincipal();
		return type.isInstance(principal) ? principal : null;
	}

}
