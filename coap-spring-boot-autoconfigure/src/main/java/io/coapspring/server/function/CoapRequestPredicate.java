package io.coapspring.server.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

import io.coapspring.annotation.CoapMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a request must be for a route to handle it: a path pattern, methods, Content-Formats it may carry,
 * formats it may accept, and conditions on its options or query. Created by {@link CoapRequestPredicates} and
 * combined with {@link #and(CoapRequestPredicate)}.
 * <p>
 * Unlike WebMvc.fn's opaque {@code RequestPredicate}, the pattern, methods and formats are kept as data: they
 * become the route's mapping in the registry that annotated handler methods use, so a path is found through
 * the registry's index, 4.05/4.15/4.06 are answered as for handler methods, {@code /.well-known/core} lists the
 * route, and a route that would serve the same requests as another mapping fails its registration. Only the
 * conditions on options and query are tested per request, in the order the routes of one mapping were declared.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequestPredicate {

	private final @Nullable String pattern;

	private final Set<CoapMethod> methods;

	private final List<Integer> consumes;

	private final List<Integer> produces;

	private final List<Condition> conditions;

	CoapRequestPredicate(@Nullable String pattern, Set<CoapMethod> methods, List<Integer> consumes,
			List<Integer> produces, List<Condition> conditions) {
		this.pattern = pattern;
		this.methods = methods.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(methods));
		this.consumes = List.copyOf(consumes);
		this.produces = List.copyOf(produces);
		this.conditions = List.copyOf(conditions);
	}

	/**
	 * Return the path pattern.
	 * @return the pattern, or {@code null} for any path
	 */
	public @Nullable String getPattern() {
		return this.pattern;
	}

	/**
	 * Return the methods.
	 * @return the methods, empty for any
	 */
	public Set<CoapMethod> getMethods() {
		return this.methods;
	}

	/**
	 * Return the Content-Formats a request may carry.
	 * @return the formats, empty for any
	 */
	public List<Integer> getConsumes() {
		return this.consumes;
	}

	/**
	 * Return the Content-Formats the route produces, to match the request's Accept option.
	 * @return the formats, the default first, empty for any
	 */
	public List<Integer> getProduces() {
		return this.produces;
	}

	/**
	 * Return whether a request passes the conditions on its options and query (the path, methods and formats are
	 * matched by the registry).
	 * @param request the request
	 * @return {@code true} if every condition holds
	 */
	public boolean testConditions(CoapServerRequest request) {
		for (Condition condition : this.conditions) {
			if (!condition.test().test(request)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return a predicate that both this and another must hold: the methods and formats of both (the
	 * intersection when both restrict them), the conditions of both.
	 * @param other the other predicate
	 * @return the combined predicate
	 * @throws IllegalArgumentException if both have a path pattern (nest routes under a path instead), or their
	 * methods or formats have nothing in common
	 */
	public CoapRequestPredicate and(CoapRequestPredicate other) {
		Assert.notNull(other, "'other' must not be null");
		Assert.isTrue(this.pattern == null || other.pattern == null, () -> "Cannot combine the path patterns '"
				+ this.pattern + "' and '" + other.pattern + "': nest the routes under the path instead");
		List<Condition> conditions = new ArrayList<>(this.conditions);
		conditions.addAll(other.conditions);
		return new CoapRequestPredicate((this.pattern != null) ? this.pattern : other.pattern,
				intersect(this.methods, other.methods, "methods"), intersect(this.consumes, other.consumes, "consumes"),
				intersect(this.produces, other.produces, "produces"), conditions);
	}

	/**
	 * Return this predicate under a path prefix.
	 * @param prefix the prefix, for instance {@code /sensors}
	 * @return the predicate with the prefix before its pattern
	 */
	CoapRequestPredicate under(String prefix) {
		String path = (this.pattern != null) ? this.pattern : "";
		String joined = trimTrailingSlash(prefix) + (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
		return new CoapRequestPredicate(joined.isEmpty() ? "/" : joined, this.methods, this.consumes, this.produces,
				this.conditions);
	}

	/**
	 * Return this predicate without its path pattern.
	 * @return the predicate for any path
	 */
	CoapRequestPredicate withoutPattern() {
		return new CoapRequestPredicate(null, this.methods, this.consumes, this.produces, this.conditions);
	}

	private static String trimTrailingSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static Set<CoapMethod> intersect(Set<CoapMethod> left, Set<CoapMethod> right, String what) {
		if (left.isEmpty() || right.isEmpty()) {
			return left.isEmpty() ? right : left;
		}
		Set<CoapMethod> common = EnumSet.copyOf(left);
		common.retainAll(right);
		Assert.isTrue(!common.isEmpty(), () -> "The " + what + " " + left + " and " + right + " have none in common");
		return common;
	}

	private static List<Integer> intersect(List<Integer> left, List<Integer> right, String what) {
		if (left.isEmpty() || right.isEmpty()) {
			return left.isEmpty() ? right : left;
		}
		List<Integer> common = new ArrayList<>(left);
		common.retainAll(right);
		Assert.isTrue(!common.isEmpty(), () -> "The " + what + " " + left + " and " + right + " have none in common");
		return common;
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(" && ");
		if (!this.methods.isEmpty()) {
			joiner.add(this.methods.toString());
		}
		if (this.pattern != null) {
			joiner.add(this.pattern);
		}
		if (!this.consumes.isEmpty()) {
			joiner.add("Content-Format " + this.consumes);
		}
		if (!this.produces.isEmpty()) {
			joiner.add("Accept " + this.produces);
		}
		this.conditions.forEach((condition) -> joiner.add(condition.description()));
		return joiner.toString();
	}

	/**
	 * A condition tested per request.
	 *
	 * @param description what the condition requires, for messages
	 * @param test the test
	 */
	record Condition(String description, Predicate<CoapServerRequest> test) {
	}

}
