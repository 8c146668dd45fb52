package io.coapspring.client.service;

import org.springframework.core.convert.ConversionService;

/**
 * Converts argument values to the text of URI variables and query arguments.
 *
 * @author CoAP Spring Boot team
 */
final class ValueConversion {

	private ValueConversion() {
	}

	static String toText(Object value, ConversionService conversionService) {
		if (value instanceof String text) {
			return text;
		}
		if (conversionService.canConvert(value.getClass(), String.class)) {
			String text = conversionService.convert(value, String.class);
			if (text != null) {
				return text;
			}
		}
		return value.toString();
	}

}
