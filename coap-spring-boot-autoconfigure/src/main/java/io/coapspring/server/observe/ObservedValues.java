package io.coapspring.server.observe;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.coapspring.annotation.CoapObservableValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Finds the scalar value of a response body for the conditional attributes: a {@link Number} or a
 * {@link Boolean} is its own value, text is read as a decimal number or as {@code true}/{@code false}, and any
 * other object gives the value of its member annotated with {@link CoapObservableValue}. The member of each
 * class is looked up once.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ObservedValues {

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Accessor NO_ACCESSOR = (body) -> null;

	private final Map<Class<?>, Accessor> accessors = new ConcurrentHashMap<>();

	/**
	 * Return the scalar value of a body.
	 * @param body the body, {@code null} for none
	 * @return the value, {@link ObservedValue#NONE} if the body has none
	 */
	public ObservedValue of(@Nullable Object body) {
		ObservedValue direct = scalar(body);
		if (direct != null || body == null) {
			return (direct != null) ? direct : ObservedValue.NONE;
		}
		Accessor accessor = this.accessors.computeIfAbsent(body.getClass(), ObservedValues::accessor);
		ObservedValue member = scalar(accessor.get(body));
		return (member != null) ? member : ObservedValue.NONE;
	}

	/**
	 * Return whether bodies of a type have a scalar value: numbers, booleans, text, and types with a
	 * {@link CoapObservableValue} member.
	 * @param type the body type
	 * @return {@code true} if the type may have a scalar value
	 */
	public boolean hasValue(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type == Boolean.class || CharSequence.class.isAssignableFrom(type)
				|| type.isPrimitive()) {
			return true;
		}
		return this.accessors.computeIfAbsent(type, ObservedValues::accessor) != NO_ACCESSOR;
	}

	private static @Nullable ObservedValue scalar(@Nullable Object value) {
		if (value instanceof Number number) {
			return ObservedValue.of(number.doubleValue());
		}
		if (value instanceof Boolean bool) {
			return ObservedValue.of(bool);
		}
		if (value instanceof CharSequence text) {
			String trimmed = text.toString().trim();
			if (trimmed.equals("true") || trimmed.equals("false")) {
				return ObservedValue.of(Boolean.parseBoolean(trimmed));
			}
			if (trimmed.length() < 64 && DECIMAL.matcher(trimmed).matches()) {
				return ObservedValue.of(Double.parseDouble(trimmed));
			}
		}
		return null;
	}

	private static Accessor accessor(Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Method method : current.getDeclaredMethods()) {
				if (method.isAnnotationPresent(CoapObservableValue.class) && method.getParameterCount() == 0
						&& !Modifier.isStatic(method.getModifiers())) {
					ReflectionUtils.makeAccessible(method);
					return (body) -> ReflectionUtils.invokeMethod(method, body);
				}
			}
			for (Field field : current.getDeclaredFields()) {
				if (field.isAnnotationPresent(CoapObservableValue.class) && !Modifier.isStatic(field.getModifiers())) {
					ReflectionUtils.makeAccessible(field);
					return (body) -> ReflectionUtils.getField(field, body);
				}
			}
		}
		for (Class<?> contract : type.getInterfaces()) {
			Accessor inherited = accessor(contract);
			if (inherited != NO_ACCESSOR) {
				return inherited;
			}
		}
		return NO_ACCESSOR;
	}

	@FunctionalInterface
	private interface Accessor {

		@Nullable Object get(Object body);

	}

}
