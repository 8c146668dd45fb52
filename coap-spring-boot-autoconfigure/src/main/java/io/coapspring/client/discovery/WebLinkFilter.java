package io.coapspring.client.discovery;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A resource discovery filter of RFC 6690 section 4.1, such as {@code rt=temperature-c} or
 * {@code href=/sensors*}: it is sent as the query of the discovery request, and applied again to the links
 * received, for servers that ignore it. A value ending in {@code *} matches by prefix; an attribute with
 * several space-separated values matches if any of them does.
 *
 * @param name the attribute name, or {@code href} for the link target
 * @param value the value to match, optionally ending in {@code *}
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record WebLinkFilter(String name, String value) {

	/**
	 * Validate the components.
	 */
	public WebLinkFilter {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
	}

	/**
	 * Parse a filter written as a query, {@code name=value}.
	 * @param query the query
	 * @return the filter
	 * @throws IllegalArgumentException if the query has no {@code =}
	 */
	public static WebLinkFilter parse(String query) {
		Assert.hasText(query, "'query' must not be empty");
		int equals = query.indexOf('=');
		Assert.isTrue(equals > 0, () -> "A discovery filter is written name=value, not '" + query + "'");
		return new WebLinkFilter(query.substring(0, equals), query.substring(equals + 1));
	}

	/**
	 * Return whether a link matches.
	 * @param link the link
	 * @return {@code true} if it matches
	 */
	public boolean matches(WebLink link) {
		List<String> candidates = "href".equals(this.name) ? List.of(link.getTarget())
				: link.getAttributeValues(this.name);
		if (candidates.isEmpty() && link.hasAttribute(this.name) && this.value.isEmpty()) {
			return true;
		}
		for (String candidate : candidates) {
			if (this.value.endsWith("*") ? candidate.startsWith(this.value.substring(0, this.value.length() - 1))
					: candidate.equals(this.value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the filter as a query.
	 * @return {@code name=value}
	 */
	public String toQuery() {
		return this.name + "=" + this.value;
	}

}
