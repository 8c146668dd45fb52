package io.coapspring.client.service;

import io.coapspring.annotation.CoapPathVariable;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;

/**
 * Resolves {@link CoapPathVariable} parameters into URI variables, converted to text.
 *
 * @author CoAP Spring Boot team
 */
final class PathVariableServiceArgumentResolver extends NamedValueArgumentResolver {

	private final ConversionService conversionService;

	PathVariableServiceArgumentResolver(ConversionService conversionService) {
		this.conversionService = conversionService;
	}

	@Override
	protected @Nullable NamedValue namedValue(MethodParameter parameter) {
		CoapPathVariable annotation = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(),
				CoapPathVariable.class);
		return (annotation != null) ? new NamedValue(annotation.name(), annotation.required(), "path variable") : null;
	}

	@Override
	protected boolean supportsMultipleValues() {
		return false;
	}

	@Override
	protected void add(String name, Object value, CoapRequestValues requestValues) {
		requestValues.setUriVariable(name, ValueConversion.toText(value, this.conversionService));
	}

}
