package io.coapspring.client.service;

import java.util.Optional;

import io.coapspring.annotation.CoapPayload;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves the {@link CoapPayload} parameter into the request payload.
 *
 * @author CoAP Spring Boot team
 */
final class PayloadServiceArgumentResolver implements CoapServiceArgumentResolver {

	@Override
	public boolean resolve(@Nullable Object argument, MethodParameter parameter, CoapRequestValues requestValues) {
		CoapPayload annotation = parameter.getParameterAnnotation(CoapPayload.class);
		if (annotation == null) {
			return false;
		}
		Object value = (argument instanceof Optional<?> optional) ? optional.orElse(null) : argument;
		if (value != null) {
			requestValues.setPayload(value);
		}
		else if (annotation.required() && parameter.getParameterType() != Optional.class) {
			throw new IllegalArgumentException("Missing required payload for method "
					+ parameter.getExecutable().toGenericString());
		}
		return true;
	}

}
