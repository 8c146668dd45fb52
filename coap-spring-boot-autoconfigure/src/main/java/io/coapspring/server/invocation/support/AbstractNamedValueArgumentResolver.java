package io.coapspring.server.invocation.support;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapValueConstants;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapRequestBindingException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.Assert;
import org.springframework.util.StringValueResolver;

/**
 * Base class of resolvers for named values of a request (path variables, query parameters, options): finds
 * the value, applies the default value or reports a missing required one, and converts it to the parameter
 * type with the {@link ConversionService}. {@code Optional} parameters are unwrapped.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractNamedValueArgumentResolver implements CoapHandlerMethodArgumentResolver {

	private final ConversionService conversionService;

	private final @Nullable StringValueResolver placeholderResolver;

	private final Map<MethodParameter, Binding> bindings = new ConcurrentHashMap<>(64);

	/**
	 * Create a resolver.
	 * @param conversionService converts values to parameter types
	 * @param placeholderResolver resolves {@code ${...}} in default values, or {@code null}
	 */
	protected AbstractNamedValueArgumentResolver(ConversionService conversionService,
			@Nullable StringValueResolver placeholderResolver) {
		Assert.notNull(conversionService, "'conversionService' must not be null");
		this.conversionService = conversionService;
		this.placeholderResolver = placeholderResolver;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception {
		Binding binding = this.bindings.computeIfAbsent(parameter, this::binding);
		NamedValueInfo info = binding.info();
		MethodParameter nested = binding.nested();
		Object value = resolveValue(info.name(), nested, request);
		if (value == null && info.defaultValue() != null) {
			value = defaultValue(binding);
		}
		if (value == null) {
			if (info.required() && !parameter.isOptional()) {
				throw new CoapRequestBindingException("Missing " + describe(info.name()), null);
			}
			return absent(parameter, nested);
		}
		Object converted = convert(value, binding.target(), info.name());
		if (converted == null) {
			if (info.required() && !parameter.isOptional()) {
				throw new CoapRequestBindingException("Missing " + describe(info.name()), null);
			}
			return absent(parameter, nested);
		}
		return (parameter.getParameterType() == Optional.class) ? Optional.of(converted) : converted;
	}

	private Binding binding(MethodParameter parameter) {
		MethodParameter nested = parameter.nestedIfOptional();
		NamedValueInfo info = namedValueInfo(parameter);
		String defaultValue = info.defaultValue();
		// a default without ${...} or #{...} resolves to itself: no need to ask the resolver on every request
		boolean resolvable = this.placeholderResolver != null && defaultValue != null
				&& (defaultValue.contains("${") || defaultValue.contains("#{"));
		return new Binding(info, nested, new TypeDescriptor(nested), resolvable);
	}

	private @Nullable String defaultValue(Binding binding) {
		String defaultValue = binding.info().defaultValue();
		StringValueResolver resolver = this.placeholderResolver;
		return (binding.resolvableDefault() && resolver != null) ? resolver.resolveStringValue(defaultValue)
				: defaultValue;
	}

	private @Nullable Object convert(Object value, TypeDescriptor target, String name) {
		if (target.getType().isInstance(value) && !target.isCollection() && !target.isArray()) {
			return value;
		}
		try {
			return this.conversionService.convert(value, TypeDescriptor.forObject(value), target);
		}
		catch (ConversionException ex) {
			throw new CoapRequestBindingException("Invalid " + describe(name) + " '" + display(value) + "': expected "
					+ target.getType().getSimpleName(), ex);
		}
	}

	private static String display(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes.length + " bytes";
		}
		return String.valueOf(value);
	}

	private static @Nullable Object absent(MethodParameter parameter, MethodParameter nested) {
		if (parameter.getParameterType() == Optional.class) {
			return Optional.empty();
		}
		if (nested.getParameterType() == boolean.class) {
			return Boolean.FALSE;
		}
		if (nested.getParameterType().isPrimitive()) {
			throw new IllegalStateException("Optional " + parameter.getParameterName() + " of primitive type "
					+ nested.getParameterType() + " cannot be null: use the wrapper type or a default value");
		}
		return null;
	}

	/**
	 * Return the name, whether the value is required and its default value.
	 * @param parameter the parameter
	 * @return the information
	 */
	protected abstract NamedValueInfo namedValueInfo(MethodParameter parameter);

	/**
	 * Find the value in the request.
	 * @param name the value's name
	 * @param parameter the parameter, unwrapped from {@code Optional}
	 * @param request the request
	 * @return the raw value, a {@code List} of raw values for a multi-valued parameter, or {@code null} if
	 * absent
	 */
	protected abstract @Nullable Object resolveValue(String name, MethodParameter parameter, CoapRequest request);

	/**
	 * Describe a value for diagnostics, for instance {@code query parameter 'unit'}.
	 * @param name the value's name
	 * @return the description
	 */
	protected abstract String describe(String name);

	/**
	 * Return whether a parameter binds several values.
	 * @param parameter the parameter, unwrapped from {@code Optional}
	 * @return {@code true} for collections and arrays other than {@code byte[]}
	 */
	protected static boolean isMultiValued(MethodParameter parameter) {
		Class<?> type = parameter.getNestedParameterType();
		return Collection.class.isAssignableFrom(type) || (type.isArray() && type != byte[].class);
	}

	/**
	 * Return the name of a parameter: the annotation's or else the parameter's own.
	 * @param annotated the name given in the annotation, may be empty
	 * @param parameter the parameter
	 * @param kind the kind of value, for the error message
	 * @return the name
	 * @throws IllegalStateException if neither is available
	 */
	protected static String name(String annotated, MethodParameter parameter, String kind) {
		if (!annotated.isEmpty()) {
			return annotated;
		}
		String name = parameter.getParameterName();
		if (name == null) {
			throw new IllegalStateException("Name of the " + kind + " for parameter " + parameter.getParameterIndex()
					+ " of " + parameter.getExecutable() + " is not known: compile with -parameters or name it in the"
					+ " annotation");
		}
		return name;
	}

	/**
	 * Return the default value of an annotation attribute.
	 * @param defaultValue the attribute
	 * @return the default value, or {@code null} for none
	 */
	protected static @Nullable String defaultValue(String defaultValue) {
		return CoapValueConstants.DEFAULT_NONE.equals(defaultValue) ? null : defaultValue;
	}

	/**
	 * Name, required flag and default value of a parameter.
	 *
	 * @param name the value's name
	 * @param required whether the value is required
	 * @param defaultValue the default value, or {@code null}
	 */
	protected record NamedValueInfo(String name, boolean required, @Nullable String defaultValue) {
	}

	/**
	 * What a parameter needs on every request, worked out on its first: its named value information, the
	 * parameter unwrapped from {@code Optional}, the type to convert to, and whether its default value has
	 * placeholders or expressions to resolve (resolved on each use, since the environment may change).
	 */
	private record Binding(NamedValueInfo info, MethodParameter nested, TypeDescriptor target,
			boolean resolvableDefault) {
	}

}
