package io.coapspring.client.service;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves an argument of a declarative client method into part of the request: its URI variables, query,
 * payload or options. The CoAP counterpart of Spring's {@code HttpServiceArgumentResolver}; custom resolvers
 * are registered with {@link CoapServiceProxyFactory.Builder#customArgumentResolver} and consulted first.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapServiceArgumentResolver {

	/**
	 * Resolve an argument if this resolver supports its parameter.
	 * @param argument the argument, may be {@code null}
	 * @param parameter the parameter
	 * @param requestValues the request being built
	 * @return {@code true} if the parameter is supported, whether or not something was added
	 */
	boolean resolve(@Nullable Object argument, MethodParameter parameter, CoapRequestValues requestValues);

}
