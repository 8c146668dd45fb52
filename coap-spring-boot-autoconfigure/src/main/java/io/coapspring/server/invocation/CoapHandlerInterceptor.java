package io.coapspring.server.invocation;

import io.coapspring.server.mapping.CoapHandlerMethod;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the invocation of handler methods and exception handler methods: runs on the handler thread around
 * the resolution of the arguments and the call of the method, for instance to set up and clear a thread-bound
 * context. Declare a bean of this type to add one; interceptors are applied in
 * {@link org.springframework.core.annotation.Order @Order}, the first one outermost.
 * <p>
 * The invocation of a method that returns a {@code CompletionStage} or a {@code Mono} ends when the method
 * returns, not when the returned stage completes.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapHandlerInterceptor {

	/**
	 * Invoke a handler method through the rest of the chain.
	 * @param request the request being handled
	 * @param handlerMethod the method about to be invoked
	 * @param invocation proceeds with the next interceptor, and finally resolves the arguments and calls the
	 * method
	 * @return the method's return value, as {@code invocation} returned it, or another one
	 * @throws Exception what the invocation threw, or a failure of the interceptor; either is handled as a
	 * failure of the handler method
	 */
	@Nullable Object intercept(CoapRequest request, CoapHandlerMethod handlerMethod, Invocation invocation)
			throws Exception;

	/**
	 * Return whether this interceptor wraps the invocations of a handler method. Asked once per handler method
	 * (and exception handler method), when it is first invoked; an interceptor that does not apply costs nothing
	 * per request. The default applies to every method.
	 * @param handlerMethod the method
	 * @return {@code false} if {@link #intercept} would only ever proceed for this method
	 * @since 0.1.0
	 */
	default boolean appliesTo(CoapHandlerMethod handlerMethod) {
		return true;
	}

	/**
	 * The rest of an interceptor chain.
	 */
	@FunctionalInterface
	interface Invocation {

		/**
		 * Proceed with the next interceptor, or the method itself after the last.
		 * @return the return value
		 * @throws Exception what the method or an interceptor threw
		 */
		@Nullable Object proceed() throws Exception;

	}

}
