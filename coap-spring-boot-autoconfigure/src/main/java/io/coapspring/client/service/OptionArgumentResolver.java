package io.coapspring.client.service;

import io.coapspring.client.CoapRequestEntity.OptionValue;
import io.coapspring.client.service.annotation.CoapOption;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Resolves {@link CoapOption} parameters into request options, by name or number; values are passed as
 * they are.
 *
 * @author CoAP Spring Boot team
 */
final class OptionArgumentResolver extends NamedValueArgumentResolver {

	@Override
	protected @Nullable NamedValue namedValue(MethodParameter parameter) {
		CoapOption annotation = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), CoapOption.class);
		if (annotation == null) {
			return null;
		}
		String name = StringUtils.hasText(annotation.name()) ? annotation.name()
				: (annotation.number() >= 0) ? "#" + annotation.number() : "";
		return new NamedValue(name, annotation.required(), "option");
	}

	@Override
	protected boolean supportsMultipleValues() {
		return true;
	}

	@Override
	protected void add(String name, Object value, CoapRequestValues requestValues) {
		if (name.startsWith("#")) {
			requestValues.addOption(new OptionValue(null, Integer.parseInt(name.substring(1)), value));
		}
		else {
			requestValues.addOption(new OptionValue(name, -1, value));
		}
	}

}
