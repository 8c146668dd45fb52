package io.coapspring.server.invocation.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
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
