package io.coapspring.client.service;

import io.coapspring.annotation.CoapOption;
import io.coapspring.client.CoapRequestEntity.OptionValue;
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
final class OptionServiceArgumentResolver extends NamedValueArgumentResolver {

	@Override
	protected @Nullable NamedValue namedValue(MethodParameter parameter) {
		CoapOption annotation = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), CoapOption.class);
		if (annotation == null) {
			return null;
		}
		String name = StringUtils.hasText(annotation.name()) ? annotation.name()
				: (annotation.number() >= 0) ? "#" + annotation.number() : "";
		return new NamedValue(name, annotation.required(), NamedValue.defaultValue(annotation.defaultValue()),
				"option");
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
