package io.coapspring.client;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import io.coapspring.client.CoapRequestEntity.OptionValue;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry.OptionFormat;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates Californium {@link Option}s from an option name or number and a plain Java value, through the
 * application's {@link OptionRegistry} so that custom options are known by name.
 *
 * @author CoAP Spring Boot team
 */
final class OptionFactory {

	private final OptionRegistry registry;

	OptionFactory(OptionRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	Option create(OptionValue value) {
		OptionDefinition definition = definition(value);
		try {
			return create(definition, value.value());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid value for CoAP option '" + value.describe() + "': "
					+ ex.getMessage(), ex);
		}
	}

	private OptionDefinition definition(OptionValue value) {
		String name = value.name();
		if (name != null) {
			OptionDefinition definition = byName(name);
			if (definition == null) {
				throw new IllegalArgumentException("Unknown CoAP option '" + name
						+ "': use a registered name, or the option number");
			}
			return definition;
		}
		OptionDefinition definition = this.registry.getDefinitionByNumber(value.number());
		return (definition != null) ? definition
				: new OpaqueOptionDefinition(value.number(), "Option-" + value.number());
	}

	private @Nullable OptionDefinition byName(String name) {
		OptionDefinition exact = this.registry.getDefinitionByName(name);
		if (exact != null) {
			return exact;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		for (OptionRegistry.Entry entry : this.registry) {
			OptionDefinition definition = entry.getOptioneDefinition();
			if (definition.getName().toLowerCase(Locale.ROOT).equals(lower)) {
				return definition;
			}
		}
		return null;
	}

	private static Option create(OptionDefinition definition, Object value) {
		OptionFormat format = definition.getFormat();
		if (value instanceof byte[] bytes) {
			return new Option(definition, bytes.clone());
		}
		if (value instanceof Boolean present) {
			Assert.isTrue(present && format == OptionFormat.EMPTY, "only empty options take the value 'true'");
			return new Option(definition, new byte[0]);
		}
		if (value instanceof Number number) {
			Assert.isTrue(format == OptionFormat.INTEGER || format == OptionFormat.OPAQUE,
					() -> "a number was given for an option of format " + format);
			return new Option(definition, IntegerOptionDefinition.setLongValue(number.longValue()));
		}
		if (value instanceof CharSequence sequence) {
			String text = sequence.toString();
			return switch (format) {
				case INTEGER -> new Option(definition, IntegerOptionDefinition.setLongValue(Long.parseLong(text.trim())));
				case EMPTY -> new Option(definition, new byte[0]);
				case OPAQUE, UNKNOWN -> new Option(definition, opaque(text));
				case STRING -> new Option(definition, text.getBytes(StandardCharsets.UTF_8));
			};
		}
		throw new IllegalArgumentException("unsupported value type " + value.getClass().getName()
				+ "; use byte[], a Number, a String or Boolean.TRUE");
	}

	/**
	 * An opaque value given as text: {@code 0x}-prefixed hexadecimal, or else the UTF-8 bytes of the text.
	 */
	private static byte[] opaque(String text) {
		if (text.startsWith("0x") || text.startsWith("0X")) {
			return HexFormat.of().parseHex(text.substring(2));
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
