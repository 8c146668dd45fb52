package io.coapspring.server.invocation.support;

import java.util.concurrent.CompletionStage;

import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Handles Reactor {@link Mono} return values, when Reactor is on the classpath: the response is sent when the
 * Mono completes (an empty Mono as an empty response), as a separate response if that takes longer than the
 * piggyback time.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class MonoReturnValueHandler extends AbstractAsyncReturnValueHandler {

	/**
	 * Create a handler.
	 * @param delegate handles the value once available
	 */
	public MonoReturnValueHandler(CoapHandlerMethodReturnValueHandler delegate) {
		super(delegate);
	}

	@Override
	protected boolean isAsyncType(Class<?> type) {
		return Mono.class.isAssignableFrom(type);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected CompletionStage<@Nullable Object> toCompletionStage(Object returnValue) {
		return ((Mono<@Nullable Object>) returnValue).toFuture();
	}

}
