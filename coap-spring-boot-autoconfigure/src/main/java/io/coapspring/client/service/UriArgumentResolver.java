package io.coapspring.client.service;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves an unannotated {@link URI} parameter into the URI of the request, replacing the URL of the
 * exchange annotations.
 *
 * @author CoAP Spring Boot team
 */
final class UriArgumentResolver implements CoapServiceArgumentResolver {

	@Override
	public boolean resolve(@Nullable Object argument, MethodParameter parameter, CoapRequestValues requestValues) {
		if (!URI.class.equals(parameter.getParameterType()) || parameter.getParameterAnnotations().length > 0) {
			return false;
		}
		if (argument != null) {
			requestValues.setUri((URI) argument);
		}
		return true;
	}

}
