package io.coapspring.rd;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One link of a registration, as the endpoint registered it (RFC 6690 / RFC 9176 link format): its target and its
 * attributes, each with its values in document order. An attribute without a value (such as {@code obs}) has an
 * empty list.
 *
 * @param target the link target, a URI reference (relative ones are resolved against the registration's base)
 * @param attributes the attributes, in document order
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record RdLink(String target, Map<String, List<String>> attributes) {

	/**
	 * Create a link.
	 * @param target the link target
	 * @param attributes the attributes; copied
	 */
	public RdLink {
		Assert.notNull(target, "'target' must not be null");
		Assert.notNull(attributes, "'attributes' must not be null");
		Map<String, List<String>> copy = new LinkedHashMap<>();
		attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		attributes = Collections.unmodifiableMap(copy);
	}

	/**
	 * Return the first value of an attribute.
	 * @param name the attribute name
	 * @return the first value, or {@code null} when the attribute is absent or has no value
	 */
	public @Nullable String attribute(String name) {
		List<String> values = this.attributes.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return a copy of this link with another target and an attribute set to one value (or removed).
	 * @param newTarget the target of the copy
	 * @param name the attribute to set or remove
	 * @param value its only value, or {@code null} to remove it
	 * @return the copy
	 */
	public RdLink with(String newTarget, String name, @Nullable String value) {
		Map<String, List<String>> copy = new LinkedHashMap<>(this.attributes);
		if (value != null) {
			copy.put(name, List.of(value));
		}
		else {
			copy.remove(name);
		}
		return new RdLink(newTarget, copy);
	}

	/**
	 * Return every value of every attribute as {@code name=value} pairs; a valueless attribute gives one pair with
	 * a {@code null} value.
	 * @return the pairs
	 */
	public List<Map.Entry<String, @Nullable String>> pairs() {
		List<Map.Entry<String, @Nullable String>> pairs = new ArrayList<>();
		this.attributes.forEach((name, values) -> {
			if (values.isEmpty()) {
				pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, null));
			}
			for (String value : values) {
				pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
			}
		});
		return pairs;
	}

}
