package io.coapspring.client.discovery;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A link of a CoRE Link Format document (RFC 6690), as served by {@code /.well-known/core}: its target, the
 * node that published it, and its attributes, with typed access to the common ones ({@code rt}, {@code if},
 * {@code ct}, {@code title}, {@code obs}, {@code sz}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class WebLink {

	private final String target;

	private final URI uri;

	private final InetSocketAddress source;

	private final Map<String, List<String>> attributes;

	/**
	 * Create a link.
	 * @param target the target as written between {@code <} and {@code >}, for instance {@code /sensors/7}
	 * @param uri the target resolved against the URI of the node that published the link
	 * @param source the address of the node that published the link
	 * @param attributes the attributes by name, in document order; a flag such as {@code obs} has no values
	 */
	public WebLink(String target, URI uri, InetSocketAddress source, Map<String, List<String>> attributes) {
		Assert.notNull(target, "'target' must not be null");
		Assert.notNull(uri, "'uri' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(attributes, "'attributes' must not be null");
		this.target = target;
		this.uri = uri;
		this.source = source;
		Map<String, List<String>> copy = new LinkedHashMap<>();
		attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		this.attributes = Collections.unmodifiableMap(copy);
	}

	/**
	 * Return the target as written in the document.
	 * @return the target, for instance {@code /sensors/7}
	 */
	public String getTarget() {
		return this.target;
	}

	/**
	 * Return the absolute URI of the target.
	 * @return the URI, for instance {@code coap://[fd00::7]:5683/sensors/7}
	 */
	public URI getUri() {
		return this.uri;
	}

	/**
	 * Return the node that published the link, which matters for discovery on a multicast group.
	 * @return the address and port of the node
	 */
	public InetSocketAddress getSource() {
		return this.source;
	}

	/**
	 * Return all attributes.
	 * @return the attributes by name, each with its values in document order (unquoted, not split)
	 */
	public Map<String, List<String>> getAttributes() {
		return this.attributes;
	}

	/**
	 * Return whether the link has an attribute.
	 * @param name the attribute name
	 * @return {@code true} if present, with or without value
	 */
	public boolean hasAttribute(String name) {
		return this.attributes.containsKey(name);
	}

	/**
	 * Return the first value of an attribute.
	 * @param name the attribute name
	 * @return the value, or {@code null} if the attribute is absent or a flag without value
	 */
	public @Nullable String getAttribute(String name) {
		List<String> values = this.attributes.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Return the values of an attribute, each space-separated value on its own, as RFC 6690 defines for
	 * {@code rt}, {@code if} and {@code ct}.
	 * @param name the attribute name
	 * @return the values, empty if absent
	 */
	public List<String> getAttributeValues(String name) {
		List<String> values = this.attributes.get(name);
		if (values == null) {
			return List.of();
		}
		List<String> split = new ArrayList<>();
		for (String value : values) {
			for (String part : value.trim().split("\\s+")) {
				if (!part.isEmpty()) {
					split.add(part);
				}
			}
		}
		return split;
	}

	/**
	 * Return the resource types ({@code rt}).
	 * @return the resource types, empty if none
	 */
	public List<String> getResourceTypes() {
		return getAttributeValues("rt");
	}

	/**
	 * Return the interface descriptions ({@code if}).
	 * @return the interface descriptions, empty if none
	 */
	public List<String> getInterfaces() {
		return getAttributeValues("if");
	}

	/**
	 * Return the Content-Formats ({@code ct}).
	 * @return the Content-Format numbers, empty if none
	 * @throws IllegalStateException if a value is not a number
	 */
	public List<Integer> getContentFormats() {
		List<Integer> formats = new ArrayList<>();
		for (String value : getAttributeValues("ct")) {
			try {
				formats.add(Integer.parseInt(value));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("Link <" + this.target + "> has a non-numeric ct value '" + value
						+ "'", ex);
			}
		}
		return formats;
	}

	/**
	 * Return the title.
	 * @return the title, or {@code null} if none
	 */
	public @Nullable String getTitle() {
		return getAttribute("title");
	}

	/**
	 * Return whether the resource is observable ({@code obs}).
	 * @return {@code true} if the link carries the {@code obs} flag
	 */
	public boolean isObservable() {
		return hasAttribute("obs");
	}

	/**
	 * Return the estimated size of the resource ({@code sz}).
	 * @return the size in bytes, or {@code null} if absent or not a number
	 */
	public @Nullable Long getSize() {
		String size = getAttribute("sz");
		if (size == null) {
			return null;
		}
		try {
			return Long.parseLong(size.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof WebLink that && this.uri.equals(that.uri)
				&& this.source.equals(that.source) && this.attributes.equals(that.attributes));
	}

	@Override
	public int hashCode() {
		return this.uri.hashCode() * 31 + this.attributes.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("<").append(this.target).append('>');
		this.attributes.forEach((name, values) -> {
			if (values.isEmpty()) {
				text.append(';').append(name);
			}
			for (String value : values) {
				text.append(';').append(name).append("=\"").append(value.replace("\"", "\\\"")).append('"');
			}
		});
		return text.append(" from ").append(this.source.getAddress().getHostAddress().toLowerCase(Locale.ROOT))
			.append(':').append(this.source.getPort()).toString();
	}

}
