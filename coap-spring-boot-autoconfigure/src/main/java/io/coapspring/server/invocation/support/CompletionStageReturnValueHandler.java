package io.coapspring.server.invocation.support;

import java.util.concurrent.CompletionStage;

import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import org.jspecify.annotations.Nullable;

/**
 * Handles {@link CompletionStage} return values, {@code CompletableFuture} included: the response is sent
 * when the stage completes, as a separate response if that takes longer than the piggyback time.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CompletionStageReturnValueHandler extends AbstractAsyncReturnValueHandler {

	/**
	 * Create a handler.
	 * @param delegate handles the value once available
	 */
	public CompletionStageReturnValueHandler(CoapHandlerMethodReturnValueHandler delegate) {
		super(delegate);
	}

	@Override
	protected boolean isAsyncType(Class<?> type) {
		return CompletionStage.class.isAssignableFrom(type);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected CompletionStage<@Nullable Object> toCompletionStage(Object returnValue) {
		return (CompletionStage<@Nullable Object>) returnValue;
	}

}
