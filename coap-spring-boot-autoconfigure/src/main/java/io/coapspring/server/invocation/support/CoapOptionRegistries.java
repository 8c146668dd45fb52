package io.coapspring.server.invocation.support;

import java.util.Collection;
import java.util.Locale;

import org.eclipse.californium.core.coap.option.MapBasedOptionRegistry;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Builds the Californium {@link OptionRegistry} of an application (node-coap's {@code registerOption}): the
 * standard options of RFC 7252 and its extensions plus the application's custom
 * {@link OptionDefinition}s. Endpoints parse with it, so a critical option that is neither standard nor
 * registered is rejected with 4.02 Bad Option (RFC 7252 section 5.4.1), an elective one is ignored, while a
 * registered one reaches handler methods through {@code @CoapOption}. Californium's own default registry, by
 * contrast, accepts every undefined option, critical ones included.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapOptionRegistries {

	private CoapOptionRegistries() {
	}

	/**
	 * Create a registry of the standard options and the given custom ones.
	 * @param custom the custom option definitions
	 * @return a new registry
	 * @throws IllegalArgumentException if a custom definition reuses the number or the name of another
	 */
	public static OptionRegistry withCustomOptions(Collection<? extends OptionDefinition> custom) {
		Assert.notNull(custom, "'custom' must not be null");
		// Not Californium's default registry: that one accepts any undefined option, critical ones included
		OptionRegistry standard = StandardOptionRegistry.STANDARD_OPTIONS;
		for (OptionDefinition definition : custom) {
			OptionDefinition existing = standard.getDefinitionByNumber(definition.getNumber());
			if (existing != null) {
				throw new IllegalArgumentException("Custom CoAP option '" + definition.getName() + "' uses number "
						+ definition.getNumber() + ", which is the standard option '" + existing.getName() + "'");
			}
			OptionDefinition sameName = findByName(standard, definition.getName());
			if (sameName != null) {
				throw new IllegalArgumentException("Custom CoAP option " + definition.getNumber() + " uses the name '"
						+ definition.getName() + "' of the standard option " + sameName.getNumber());
			}
		}
		try {
			return new MapBasedOptionRegistry(standard, custom.toArray(new OptionDefinition[0]));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Conflicting custom CoAP option definitions: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Find a definition by name, without regard to case.
	 * @param registry the registry
	 * @param name the option name, for instance {@code max-age}
	 * @return the definition, or {@code null} if the registry has none of that name
	 */
	public static @Nullable OptionDefinition findByName(OptionRegistry registry, String name) {
		OptionDefinition exact = registry.getDefinitionByName(name);
		if (exact != null) {
			return exact;
		}
		String wanted = name.toLowerCase(Locale.ROOT);
		for (OptionRegistry.Entry entry : registry) {
			OptionDefinition definition = entry.getOptioneDefinition();
			if (definition.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
				return definition;
			}
		}
		return null;
	}

}
