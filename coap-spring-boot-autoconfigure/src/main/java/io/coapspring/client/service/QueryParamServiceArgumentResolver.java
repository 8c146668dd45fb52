package io.coapspring.client.service;

import io.coapspring.annotation.CoapQueryParam;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;

/**
 * Resolves {@link CoapQueryParam} parameters into Uri-Query arguments, converted to text.
 *
 * @author CoAP Spring Boot team
 */
final class QueryParamServiceArgumentResolver extends NamedValueArgumentResolver {

	private final ConversionService conversionService;

	QueryParamServiceArgumentResolver(ConversionService conversionService) {
		this.conversionService = conversionService;
	}

	@Override
	protected @Nullable NamedValue namedValue(MethodParameter parameter) {
		CoapQueryParam annotation = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(),
				CoapQueryParam.class);
		return (annotation != null) ? new NamedValue(annotation.name(), annotation.required(),
				NamedValue.defaultValue(annotation.defaultValue()), "query parameter")
				: null;
	}

	@Override
	protected boolean supportsMultipleValues() {
		return true;
	}

	@Override
	protected void add(String name, Object value, CoapRequestValues requestValues) {
		requestValues.addQueryParam(name, ValueConversion.toText(value, this.conversionService));
	}

}
