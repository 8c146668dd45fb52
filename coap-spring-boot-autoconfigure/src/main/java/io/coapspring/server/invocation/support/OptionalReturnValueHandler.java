package io.coapspring.server.invocation.support;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Handles {@code Optional} return values: an empty one is answered with 4.04 Not Found, a present one is
 * handled as its content.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OptionalReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	private final CoapHandlerMethodReturnValueHandler delegate;

	/**
	 * Create a handler.
	 * @param delegate handles the content
	 */
	public OptionalReturnValueHandler(CoapHandlerMethodReturnValueHandler delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return returnType.getNestedParameterType() == Optional.class
				&& this.delegate.supportsReturnType(returnType.nested());
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) throws Exception {
		Optional<?> optional = (Optional<?>) returnValue;
		if (optional == null || optional.isEmpty()) {
			return CompletableFuture.completedFuture(CoapResponseEntity.notFound().build());
		}
		return this.delegate.handleReturnValue(optional.get(), returnType.nested(), request);
	}

}
