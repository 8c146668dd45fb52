package io.coapspring.rd;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The filters and paging of a lookup (RFC 9176 section 7): {@code name=value} items, all of which must match, a
 * value ending in {@code *} matching by prefix and an item without value matching the presence of an attribute;
 * {@code page} and {@code count} select a window of the results.
 * <p>
 * A filter matches a registration when one of its parameters ({@code ep}, {@code d}, {@code base}, {@code et}, any
 * other) or one of its resolved links matches it; {@code href} matches the registration resource or a link target
 * and {@code anchor} a link's resolved anchor. {@code rt}, {@code if} and {@code et} values are space-separated
 * lists, of which one must match.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RdQuery {

	private static final RdQuery ALL = new RdQuery(List.of(), null, null);

	private final List<Filter> filters;

	private final @Nullable Integer page;

	private final @Nullable Integer count;

	private RdQuery(List<Filter> filters, @Nullable Integer page, @Nullable Integer count) {
		this.filters = List.copyOf(filters);
		this.page = page;
		this.count = count;
	}

	/**
	 * Return a query that matches everything.
	 * @return the query
	 */
	public static RdQuery all() {
		return ALL;
	}

	/**
	 * Parse Uri-Query items.
	 * @param items items such as {@code rt=temperature-c}, {@code ep=node*}, {@code obs}, {@code page=0},
	 * {@code count=10}
	 * @return the query
	 * @throws IllegalArgumentException if {@code page} or {@code count} is not a non-negative number, or
	 * {@code page} comes without {@code count}
	 */
	public static RdQuery parse(List<String> items) {
		Assert.notNull(items, "'items' must not be null");
		List<Filter> filters = new ArrayList<>();
		Integer page = null;
		Integer count = null;
		for (String item : items) {
			int equals = item.indexOf('=');
			String name = (equals >= 0) ? item.substring(0, equals) : item;
			String value = (equals >= 0) ? item.substring(equals + 1) : null;
			if (name.isEmpty()) {
				throw new IllegalArgumentException("Empty query parameter name in '" + item + "'");
			}
			if ("page".equals(name)) {
				page = number(name, value);
			}
			else if ("count".equals(name)) {
				count = number(name, value);
			}
			else {
				filters.add(new Filter(name, value));
			}
		}
		if (page != null && count == null) {
			throw new IllegalArgumentException("'page' requires 'count'");
		}
		return new RdQuery(filters, page, count);
	}

	/**
	 * Parse a query string such as {@code rt=temperature-c&ep=node*}.
	 * @param query the query, may be empty
	 * @return the query
	 */
	public static RdQuery parse(String query) {
		Assert.notNull(query, "'query' must not be null");
		List<String> items = new ArrayList<>();
		for (String item : query.split("&")) {
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return parse(items);
	}

	private static int number(String name, @Nullable String value) {
		try {
			int number = Integer.parseInt(String.valueOf(value));
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("'" + name + "' must be a non-negative number, not '" + value + "'");
	}

	/**
	 * Return the filters.
	 * @return the filters, in query order
	 */
	public List<Filter> getFilters() {
		return this.filters;
	}

	/**
	 * Return whether a registration matches every filter (endpoint lookup).
	 * @param registration the registration
	 * @return whether it matches
	 */
	public boolean matches(RdRegistration registration) {
		List<RdLink> links = registration.resolvedLinks();
		for (Filter filter : this.filters) {
			if (!matchesParameter(filter, registration)
					&& links.stream().noneMatch((link) -> matchesLink(filter, link))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return whether a resolved link of a registration matches every filter (resource lookup).
	 * @param registration the registration
	 * @param resolvedLink one of its {@link RdRegistration#resolvedLinks() resolved links}
	 * @return whether it matches
	 */
	public boolean matches(RdRegistration registration, RdLink resolvedLink) {
		for (Filter filter : this.filters) {
			if (!matchesLink(filter, resolvedLink) && !matchesParameter(filter, registration)) {
				return false;
			}
		}
		return true;
	}

	private static boolean matchesParameter(Filter filter, RdRegistration registration) {
		return switch (filter.name()) {
			case "href" -> filter.matches(registration.location());
			case "base" -> filter.matches(registration.effectiveBase().toString());
			case "rt", "if", "anchor" -> false;
			default -> {
				List<String> values = registration.parameters().get(filter.name());
				yield values != null && (filter.value() == null
						|| values.stream().anyMatch((value) -> filter.matchesAny(filter.name(), value)));
			}
		};
	}

	private static boolean matchesLink(Filter filter, RdLink link) {
		if ("href".equals(filter.name())) {
			return filter.matches(link.target());
		}
		List<String> values = link.attributes().get(filter.name());
		if (values == null) {
			return false;
		}
		return filter.value() == null || values.stream().anyMatch((value) -> filter.matchesAny(filter.name(), value));
	}

	/**
	 * Return the window of the results this query asks for with {@code page} and {@code count}.
	 * @param <T> the result type
	 * @param results every matching result
	 * @return the window
	 */
	public <T> List<T> page(List<T> results) {
		int from = (this.page != null && this.count != null) ? (int) Math.min((long) this.page * this.count,
				results.size()) : 0;
		int to = (this.count != null) ? (int) Math.min((long) from + this.count, results.size()) : results.size();
		return results.subList(from, to);
	}

	@Override
	public String toString() {
		return this.filters + ((this.count != null) ? " page " + this.page + " count " + this.count : "");
	}

	/**
	 * One filter.
	 *
	 * @param name the attribute or parameter name
	 * @param value the value, ending in {@code *} for a prefix, or {@code null} to match presence only
	 */
	public record Filter(String name, @Nullable String value) {

		/**
		 * Return whether a value matches, exactly or by prefix.
		 * @param candidate the value
		 * @return whether it matches
		 */
		public boolean matches(String candidate) {
			if (this.value == null) {
				return true;
			}
			if (this.value.endsWith("*")) {
				return candidate.startsWith(this.value.substring(0, this.value.length() - 1));
			}
			return candidate.equals(this.value);
		}

		boolean matchesAny(String attribute, String candidate) {
			if ("rt".equals(attribute) || "if".equals(attribute) || "et".equals(attribute)) {
				for (String single : candidate.trim().split("\\s+")) {
					if (matches(single)) {
						return true;
					}
				}
				return matches(candidate);
			}
			return matches(candidate);
		}

	}

}
