package io.coapspring.server.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.californium.core.server.resources.ResourceAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One concrete resource of a mapping whose path has variables, for instance sensor {@code 7} of
 * {@code /sensors/{id}}: the values of the path variables and the attributes of its link in
 * {@code /.well-known/core}, in addition to those of the mapping ({@code ct}, {@code rt}, {@code if},
 * {@code obs}, ...). Supplied by a {@link CoapLinkInstances} bean.
 * <p>
 * The values are taken as they are (not yet encoded): discovery percent-encodes each of them as a path segment,
 * so that an id holding {@code /}, spaces or any other character still gives a valid link, one that routes to
 * the mapping. An attribute value is written into link format with its quotes and backslashes escaped and its
 * control characters replaced by spaces, so application data (a name given by a client, for instance) can serve
 * as a title.
 * <p>
 * Instances are immutable; the {@code with...} methods return a copy.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapLinkInstance {

	private static final List<String> RESERVED = List.of("ct", "obs", "sz", "rt", "if", "title",
			CoapEndpointName.ATTRIBUTE, "href");

	private final List<String> values;

	private final Map<String, String> variables;

	private final @Nullable String title;

	private final List<String> resourceTypes;

	private final List<String> interfaceDescriptions;

	private final Map<String, String> attributes;

	private CoapLinkInstance(List<String> values, Map<String, String> variables, @Nullable String title,
			List<String> resourceTypes, List<String> interfaceDescriptions, Map<String, String> attributes) {
		this.values = values;
		this.variables = variables;
		this.title = title;
		this.resourceTypes = resourceTypes;
		this.interfaceDescriptions = interfaceDescriptions;
		this.attributes = attributes;
	}

	/**
	 * Create an instance from the values of the path variables, in the order of the pattern: {@code of("7")}
	 * for {@code /sensors/{id}}, {@code of("3", "7")} for {@code /rooms/{room}/sensors/{id}}. The value of a
	 * {@code {*rest}} variable may hold {@code /} between its segments.
	 * @param values the values, one per variable
	 * @return the instance
	 */
	public static CoapLinkInstance of(String... values) {
		Assert.notNull(values, "'values' must not be null");
		Assert.noNullElements(values, "'values' must not contain null elements");
		return new CoapLinkInstance(List.of(values), Map.of(), null, List.of(), List.of(), Map.of());
	}

	/**
	 * Create an instance from the values of the path variables by name.
	 * @param variables the values by variable name, {@link String#valueOf(Object)} of each value taken
	 * @return the instance
	 */
	public static CoapLinkInstance of(Map<String, ?> variables) {
		Assert.notNull(variables, "'variables' must not be null");
		Map<String, String> copy = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			Assert.notNull(name, "'variables' must not contain null names");
			Assert.notNull(value, () -> "'variables' must not contain a null value (for '" + name + "')");
			copy.put(name, String.valueOf(value));
		});
		return new CoapLinkInstance(List.of(), Collections.unmodifiableMap(copy), null, List.of(), List.of(),
				Map.of());
	}

	/**
	 * Return a copy with a title, listed as {@code title} in place of the mapping's.
	 * @param title the title
	 * @return a new instance
	 */
	public CoapLinkInstance withTitle(String title) {
		Assert.notNull(title, "'title' must not be null");
		return new CoapLinkInstance(this.values, this.variables, title, this.resourceTypes,
				this.interfaceDescriptions, this.attributes);
	}

	/**
	 * Return a copy with resource types added to the mapping's, listed as {@code rt}.
	 * @param resourceTypes the resource types, each without whitespace
	 * @return a new instance
	 */
	public CoapLinkInstance withResourceType(String... resourceTypes) {
		return new CoapLinkInstance(this.values, this.variables, this.title,
				concat(this.resourceTypes, resourceTypes, "resourceTypes"), this.interfaceDescriptions,
				this.attributes);
	}

	/**
	 * Return a copy with interface descriptions added to the mapping's, listed as {@code if}.
	 * @param interfaceDescriptions the interface descriptions, each without whitespace
	 * @return a new instance
	 */
	public CoapLinkInstance withInterfaceDescription(String... interfaceDescriptions) {
		return new CoapLinkInstance(this.values, this.variables, this.title, this.resourceTypes,
				concat(this.interfaceDescriptions, interfaceDescriptions, "interfaceDescriptions"), this.attributes);
	}

	/**
	 * Return a copy with another link attribute, for instance {@code anchor} or an application's own. The
	 * attributes that describe the mapping ({@code ct}, {@code obs}, {@code sz}) and the node ({@code ep}) are
	 * not set per instance; use {@link #withTitle}, {@link #withResourceType} and
	 * {@link #withInterfaceDescription} for theirs.
	 * @param name the attribute name, a link-format token
	 * @param value the value; empty for an attribute without value
	 * @return a new instance
	 */
	public CoapLinkInstance withAttribute(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			Assert.isTrue(Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0,
					() -> "'" + name + "' is not a valid link attribute name");
		}
		Assert.isTrue(!RESERVED.contains(name), () -> "'" + name + "' cannot be set per instance");
		Map<String, String> copy = new LinkedHashMap<>(this.attributes);
		copy.put(name, value);
		return new CoapLinkInstance(this.values, this.variables, this.title, this.resourceTypes,
				this.interfaceDescriptions, Collections.unmodifiableMap(copy));
	}

	private static List<String> concat(List<String> current, String[] added, String what) {
		Assert.notNull(added, () -> "'" + what + "' must not be null");
		List<String> all = new ArrayList<>(current);
		for (String value : added) {
			Assert.hasText(value, () -> "'" + what + "' must not contain empty values");
			Assert.isTrue(value.chars().noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c)
					|| c == '"' || c == '\\'), () -> "'" + value + "' must not hold whitespace, quotes or backslashes");
			all.add(value);
		}
		return List.copyOf(all);
	}

	/**
	 * Return the value of a path variable.
	 * @param index the position of the variable in the pattern
	 * @param name the name of the variable
	 * @param count the number of variables of the pattern
	 * @return the value, or {@code null} if this instance has none for the variable
	 */
	@Nullable String value(int index, String name, int count) {
		if (!this.variables.isEmpty()) {
			return this.variables.get(name);
		}
		return (this.values.size() == count) ? this.values.get(index) : null;
	}

	/**
	 * Add the attributes of this instance to those of its mapping.
	 * @param target the attributes of the link
	 */
	void applyTo(ResourceAttributes target) {
		if (this.title != null) {
			target.setTitle(escape(this.title));
		}
		this.resourceTypes.stream().filter((type) -> !target.getResourceTypes().contains(type))
			.forEach(target::addResourceType);
		this.interfaceDescriptions.stream()
			.filter((description) -> !target.getInterfaceDescriptions().contains(description))
			.forEach(target::addInterfaceDescription);
		this.attributes.forEach((name, value) -> target.setAttribute(name, escape(value)));
	}

	/**
	 * Escape a value for a quoted string of link format (RFC 6690): backslash and quote get a backslash,
	 * control characters become spaces. Californium writes values as they are.
	 */
	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (Character.isISOControl(c)) {
				escaped.append(' ');
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof CoapLinkInstance that && this.values.equals(that.values)
				&& this.variables.equals(that.variables) && Objects.equals(this.title, that.title)
				&& this.resourceTypes.equals(that.resourceTypes)
				&& this.interfaceDescriptions.equals(that.interfaceDescriptions)
				&& this.attributes.equals(that.attributes));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.values, this.variables, this.title, this.resourceTypes, this.interfaceDescriptions,
				this.attributes);
	}

	@Override
	public String toString() {
		return "CoapLinkInstance" + (this.variables.isEmpty() ? Arrays.toString(this.values.toArray())
				: this.variables.toString());
	}

}
