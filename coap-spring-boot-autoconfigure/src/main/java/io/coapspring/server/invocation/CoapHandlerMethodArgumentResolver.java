package io.coapspring.server.invocation;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves a handler method parameter from a CoAP request. Declare a bean of this type to support a new kind
 * of argument; application resolvers are consulted before the built-in ones, in
 * {@link org.springframework.core.annotation.Order @Order}.
 * <p>
 * Every parameter of every handler method must be supported by some resolver: the application fails to start
 * otherwise, naming the method and the parameter.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapHandlerMethodArgumentResolver {

	/**
	 * Return whether this resolver resolves the given parameter. Called once per parameter; the answer is
	 * cached.
	 * @param parameter the method parameter
	 * @return {@code true} if {@link #resolveArgument} can be called for it
	 */
	boolean supportsParameter(MethodParameter parameter);

	/**
	 * Resolve the argument for a request. Runs on the handler executor, never on a Californium protocol thread.
	 * @param parameter the method parameter
	 * @param request the request
	 * @return the argument, may be {@code null}
	 * @throws Exception any failure; a {@link CoapRequestBindingException} is answered with 4.00 Bad Request
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception;

}
