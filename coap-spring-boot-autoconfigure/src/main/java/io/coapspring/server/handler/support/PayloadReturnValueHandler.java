package io.coapspring.server.handler.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.server.handler.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.handler.CoapRequest;
import io.coapspring.server.handler.CoapResponseEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapterRegistry;

/**
 * Handles any other return value as the response body (a POJO, a {@code String}, a {@code byte[]}), written
 * by the converter negotiated from the Accept option and the mapping's {@code produces}, with the default code;
 * {@code null} is a response without payload. Reactive types are not payloads: streams (for instance Reactor's
 * {@code Flux}) are handled by the {@link io.coapspring.server.handler.CoapHandlerAdapter} before any return value
 * handler, and a reactive type nested in another one fails the start-up rather than be serialized as an object.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class PayloadReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	private final ReactiveAdapterRegistry reactiveAdapters = ReactiveAdapterRegistry.getSharedInstance();

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		Class<?> type = returnType.getNestedParameterType();
		return type != void.class && type != Void.class && this.reactiveAdapters.getAdapter(type) == null;
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) {
		if (returnValue instanceof CoapResponseEntity<?> entity) {
			return CompletableFuture.completedFuture(entity);
		}
		return CompletableFuture.completedFuture(CoapResponseEntity.ok(returnValue));
	}

}
