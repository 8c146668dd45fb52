package io.coapspring.client.service;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.coapspring.annotation.CoapValueConstants;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;

/**
 * Base class of the resolvers of named values (URI variables, query arguments, options): takes the name from
 * the annotation or the parameter, checks required values, unwraps {@link Optional}, and expands
 * collections, arrays and, for parameters without a name, maps.
 *
 * @author CoAP Spring Boot team
 */
abstract class NamedValueArgumentResolver implements CoapServiceArgumentResolver {

	/**
	 * The name and requirement of a parameter.
	 *
	 * @param name the declared name, empty for the parameter name
	 * @param required whether {@code null} is an error
	 * @param defaultValue the value used for {@code null}, or {@code null} for none
	 * @param label what the value is, for messages
	 */
	record NamedValue(String name, boolean required, @Nullable String defaultValue, String label) {

		NamedValue(String name, boolean required, String label) {
			this(name, required, null, label);
		}

		static @Nullable String defaultValue(String declared) {
			return CoapValueConstants.DEFAULT_NONE.equals(declared) ? null : declared;
		}

	}

	@Override
	public boolean resolve(@Nullable Object argument, MethodParameter parameter, CoapRequestValues requestValues) {
		NamedValue info = namedValue(parameter);
		if (info == null) {
			return false;
		}
		Object value = (argument instanceof Optional<?> optional) ? optional.orElse(null) : argument;
		if (value == null) {
			value = info.defaultValue();
		}
		String name = StringUtils.hasText(info.name()) ? info.name() : parameterName(parameter, value);
		if (value == null) {
			if (info.required() && parameter.getParameterType() != Optional.class) {
				throw new IllegalArgumentException("Missing required " + info.label() + " '" + name + "' for method "
						+ parameter.getExecutable().toGenericString());
			}
			return true;
		}
		if (value instanceof Map<?, ?> map && !StringUtils.hasText(info.name()) && supportsMultipleValues()) {
			map.forEach((key, element) -> addValues(String.valueOf(key), element, requestValues));
			return true;
		}
		if (supportsMultipleValues()) {
			addValues(name, value, requestValues);
		}
		else {
			add(name, value, requestValues);
		}
		return true;
	}

	private void addValues(String name, @Nullable Object value, CoapRequestValues requestValues) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			for (Object element : collection) {
				if (element != null) {
					add(name, element, requestValues);
				}
			}
		}
		else if (value.getClass().isArray() && !(value instanceof byte[])) {
			for (int i = 0; i < Array.getLength(value); i++) {
				Object element = Array.get(value, i);
				if (element != null) {
					add(name, element, requestValues);
				}
			}
		}
		else {
			add(name, value, requestValues);
		}
	}

	private static String parameterName(MethodParameter parameter, @Nullable Object value) {
		String name = parameter.getParameterName();
		if (name == null && !(value instanceof Map)) {
			throw new IllegalStateException("No name for parameter " + parameter.getParameterIndex() + " of "
					+ parameter.getExecutable().toGenericString()
					+ ": name it in its annotation or compile with '-parameters'");
		}
		return (name != null) ? name : "";
	}

	/**
	 * Return the name and requirement of a supported parameter.
	 * @param parameter the parameter
	 * @return the named value, or {@code null} if this resolver does not support the parameter
	 */
	protected abstract @Nullable NamedValue namedValue(MethodParameter parameter);

	/**
	 * Return whether a collection, array or map adds several values.
	 * @return {@code true} for repeatable values
	 */
	protected abstract boolean supportsMultipleValues();

	/**
	 * Add one value.
	 * @param name the name
	 * @param value the value, not {@code null}
	 * @param requestValues the request being built
	 */
	protected abstract void add(String name, Object value, CoapRequestValues requestValues);

}
