package io.coapspring.server.invocation.support;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapAuthenticationRequiredException;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves parameters that describe the request itself: {@link CoapRequest}, the peer's
 * {@link InetSocketAddress}, the {@link CoapMethod}, the request's {@link OptionSet}, Californium's
 * {@link Request}, and the identity of the peer that a DTLS handshake authenticated as a {@link Principal} or
 * {@link CoapPeerIdentity}.
 * <p>
 * A request over plain UDP has no identity: a {@code @Nullable} or {@code Optional} identity parameter is then
 * {@code null} or empty, and a required one is answered with 4.01 Unauthorized.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestArgumentResolver implements CoapHandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == CoapRequest.class || type == InetSocketAddress.class || type == CoapMethod.class
				|| type == OptionSet.class || type == Request.class || isIdentity(parameter.nestedIfOptional());
	}

	private static boolean isIdentity(MethodParameter parameter) {
		Class<?> type = parameter.getNestedParameterType();
		return type == Principal.class || type == CoapPeerIdentity.class;
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
		CoapPeerIdentity identity = request.getPeerIdentity();
		if (type == Optional.class) {
			return Optional.ofNullable(identity);
		}
		if (identity == null && !parameter.isOptional()) {
			throw new CoapAuthenticationRequiredException();
		}
		return identity;
	}

}
