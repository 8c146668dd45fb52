package io.coapspring.server.invocation;

import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Turns the value a handler method returned into the {@link CoapResponseEntity} to send, possibly later: the
 * stage completes when the response is known, which is how asynchronous return types get a separate response.
 * Declare a bean of this type to support a new return type; application handlers are consulted before the
 * built-in ones, in {@link org.springframework.core.annotation.Order @Order}.
 * <p>
 * Return types are checked when the application starts: a handler method whose return type no handler
 * supports fails the start-up.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapHandlerMethodReturnValueHandler {

	/**
	 * Return whether this handler handles the given return type. Use
	 * {@link MethodParameter#getNestedParameterType()}: a wrapping handler (for {@code Optional} or
	 * {@code CompletableFuture}) passes the nested type on. Called once per return type; the answer is cached.
	 * @param returnType the return type
	 * @return {@code true} if {@link #handleReturnValue} can be called for it
	 */
	boolean supportsReturnType(MethodParameter returnType);

	/**
	 * Turn a return value into a response entity.
	 * @param returnValue the value, may be {@code null}
	 * @param returnType the return type
	 * @param request the request
	 * @return a stage completed with the entity, or exceptionally with a failure to answer
	 * @throws Exception any failure, handled as if the handler method had thrown it
	 */
	CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
			CoapRequest request) throws Exception;

}
