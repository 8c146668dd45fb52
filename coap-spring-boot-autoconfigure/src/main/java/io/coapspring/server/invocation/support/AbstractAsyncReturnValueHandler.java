package io.coapspring.server.invocation.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Base class of handlers for asynchronous return types: once the value is available it is handled as the
 * nested type, and the response is sent then, as a separate response if the piggyback time has passed.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractAsyncReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	private final CoapHandlerMethodReturnValueHandler delegate;

	/**
	 * Create a handler.
	 * @param delegate handles the value once available
	 */
	protected AbstractAsyncReturnValueHandler(CoapHandlerMethodReturnValueHandler delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return isAsyncType(returnType.getNestedParameterType())
				&& this.delegate.supportsReturnType(returnType.nested());
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) {
		if (returnValue == null) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"Handler method " + returnType.getExecutable() + " returned null instead of a "
							+ returnType.getNestedParameterType().getSimpleName()));
		}
		MethodParameter nested = returnType.nested();
		return toCompletionStage(returnValue).thenCompose((value) -> {
			try {
				return this.delegate.handleReturnValue(value, nested, request);
			}
			catch (Exception ex) {
				return CompletableFuture.failedFuture(ex);
			}
		});
	}

	/**
	 * Return whether a return type is the asynchronous type this handler adapts.
	 * @param type the declared return type
	 * @return {@code true} if supported
	 */
	protected abstract boolean isAsyncType(Class<?> type);

	/**
	 * Adapt a return value to a stage.
	 * @param returnValue the value, of the supported type
	 * @return a stage completed with the eventual value, {@code null} for none
	 */
	protected abstract CompletionStage<@Nullable Object> toCompletionStage(Object returnValue);

}
