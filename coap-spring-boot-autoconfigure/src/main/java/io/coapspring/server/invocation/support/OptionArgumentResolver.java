package io.coapspring.server.invocation.support;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapOption;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry.OptionFormat;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;
import org.springframework.util.StringValueResolver;

/**
 * Resolves {@link CoapOption @CoapOption} parameters. The option is looked up by name (without regard to
 * case) or number in the application's {@link OptionRegistry}, so custom options registered as beans are
 * available by name; the value is read as its definition says (integer as {@code Long}, string, opaque bytes,
 * empty as {@code true}) before conversion. An unknown option name fails the start-up.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OptionArgumentResolver extends AbstractNamedValueArgumentResolver {

	private final OptionRegistry optionRegistry;

	private final Map<ParameterKey, OptionDefinition> definitions = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param conversionService converts option values to parameter types
	 * @param placeholderResolver resolves {@code ${...}} in default values, or {@code null}
	 * @param optionRegistry the options the endpoint understands
	 */
	public OptionArgumentResolver(ConversionService conversionService,
			@Nullable StringValueResolver placeholderResolver, OptionRegistry optionRegistry) {
		super(conversionService, placeholderResolver);
		Assert.notNull(optionRegistry, "'optionRegistry' must not be null");
		this.optionRegistry = optionRegistry;
	}

	/**
	 * Return whether the parameter is annotated with {@code @CoapOption}.
	 * @param parameter the parameter
	 * @return whether it is supported
	 * @throws IllegalStateException if the annotation names an option that is not defined
	 */
	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (!parameter.hasParameterAnnotation(CoapOption.class)) {
			return false;
		}
		definition(parameter);
		return true;
	}

	private OptionDefinition definition(MethodParameter parameter) {
		return this.definitions.computeIfAbsent(new ParameterKey(parameter.getExecutable(),
				parameter.getParameterIndex()), (key) -> findDefinition(parameter));
	}

	private OptionDefinition findDefinition(MethodParameter parameter) {
		CoapOption annotation = parameter.getParameterAnnotation(CoapOption.class);
		Assert.state(annotation != null, "Parameter is not annotated with @CoapOption");
		if (annotation.number() >= 0) {
			Assert.state(annotation.name().isEmpty(), () -> "@CoapOption of " + parameter.getExecutable()
					+ " names both an option name and a number");
			OptionDefinition definition = this.optionRegistry.getDefinitionByNumber(annotation.number());
			return (definition != null) ? definition
					: new OpaqueOptionDefinition(annotation.number(), "Option-" + annotation.number());
		}
		Assert.state(!annotation.name().isEmpty(), () -> "@CoapOption of parameter " + parameter.getParameterIndex()
				+ " of " + parameter.getExecutable() + " names neither an option name nor a number");
		OptionDefinition definition = CoapOptionRegistries.findByName(this.optionRegistry, annotation.name());
		if (definition == null) {
			throw new IllegalStateException("Unknown CoAP option '" + annotation.name() + "' in @CoapOption of "
					+ parameter.getExecutable() + ": use a standard option name, a number, or declare an"
					+ " OptionDefinition bean");
		}
		return definition;
	}

	@Override
	protected NamedValueInfo namedValueInfo(MethodParameter parameter) {
		CoapOption annotation = parameter.getParameterAnnotation(CoapOption.class);
		Assert.state(annotation != null, "Parameter is not annotated with @CoapOption");
		OptionDefinition definition = definition(parameter);
		return new NamedValueInfo(definition.getName(), annotation.required(), defaultValue(annotation.defaultValue()));
	}

	@Override
	protected @Nullable Object resolveValue(String name, MethodParameter parameter, CoapRequest request) {
		OptionDefinition definition = definition(parameter);
		List<Object> values = new ArrayList<>();
		for (Option option : request.getOptions().asSortedList()) {
			if (option.getNumber() == definition.getNumber()) {
				values.add(value(definition, option));
			}
		}
		if (definition.getFormat() == OptionFormat.EMPTY && isBoolean(parameter)) {
			return !values.isEmpty();
		}
		if (values.isEmpty()) {
			return null;
		}
		return isMultiValued(parameter) ? values : values.get(0);
	}

	private static boolean isBoolean(MethodParameter parameter) {
		Class<?> type = parameter.getNestedParameterType();
		return type == boolean.class || type == Boolean.class;
	}

	private static Object value(OptionDefinition definition, Option option) {
		return switch (definition.getFormat()) {
			case INTEGER -> option.getLongValue();
			case STRING -> option.getStringValue();
			case EMPTY -> Boolean.TRUE;
			default -> option.getValue();
		};
	}

	@Override
	protected String describe(String name) {
		return "option '" + name + "'";
	}

	private record ParameterKey(Executable executable, int index) {
	}

}
