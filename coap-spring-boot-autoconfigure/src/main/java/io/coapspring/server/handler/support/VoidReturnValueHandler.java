package io.coapspring.server.handler.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.server.handler.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.handler.CoapRequest;
import io.coapspring.server.handler.CoapResponseEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Handles {@code void} and {@code Void} return types: a response with the default code and no payload.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class VoidReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		Class<?> type = returnType.getNestedParameterType();
		return type == void.class || type == Void.class;
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) {
		return CompletableFuture.completedFuture(CoapResponseEntity.ok().build());
	}

}
