package io.coapspring.server.invocation.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Handles {@link CoapResponseEntity} return values as they are; {@code null} is an empty response with the
 * default code.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ResponseEntityReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return CoapResponseEntity.class.isAssignableFrom(returnType.getNestedParameterType());
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) {
		CoapResponseEntity<?> entity = (returnValue != null) ? (CoapResponseEntity<?>) returnValue
				: CoapResponseEntity.ok().build();
		return CompletableFuture.completedFuture(entity);
	}

}
