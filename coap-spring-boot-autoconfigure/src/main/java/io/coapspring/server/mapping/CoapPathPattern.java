package io.coapspring.server.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A parsed path pattern of a CoAP mapping: literal segments, {@code {name}} (any one segment),
 * {@code {name:regex}} (one segment matching the regular expression) and, as the last segment,
 * {@code {*name}} (the rest of the path, zero or more segments).
 * <p>
 * Patterns are ordered from the most to the least specific: a pattern without {@code {*name}} before one
 * with it, then more literal segments first, then more constrained ({@code {name:regex}}) variables first,
 * then more segments first, then, at the first segment where they differ, a literal before a constrained
 * variable before a plain variable before a rest variable, and finally by the pattern text, so the order is
 * total and the same on every start.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapPathPattern implements Comparable<CoapPathPattern> {

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

	private static final Comparator<CoapPathPattern> SPECIFICITY = Comparator
		.comparing((CoapPathPattern pattern) -> pattern.hasRestVariable())
		.thenComparing(Comparator.comparingInt((CoapPathPattern pattern) -> pattern.count(Kind.LITERAL)).reversed())
		.thenComparing(Comparator.comparingInt((CoapPathPattern pattern) -> pattern.count(Kind.CONSTRAINED)).reversed())
		.thenComparing(Comparator.comparingInt((CoapPathPattern pattern) -> pattern.segments.size()).reversed())
		.thenComparing(CoapPathPattern::compareKinds)
		.thenComparing(CoapPathPattern::getPattern);

	private final String pattern;

	private final List<Segment> segments;

	private final String shape;

	private final boolean rest;

	private final String[] variableNames;

	private final int[] variableIndexes;

	private CoapPathPattern(String pattern, List<Segment> segments) {
		this.pattern = pattern;
		this.segments = segments;
		this.shape = shape(segments);
		this.rest = !segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.REST;
		int variables = segments.size() - count(Kind.LITERAL);
		this.variableNames = new String[variables];
		this.variableIndexes = new int[variables];
		int variable = 0;
		for (int i = 0; i < segments.size(); i++) {
			if (segments.get(i).kind() != Kind.LITERAL) {
				this.variableNames[variable] = segments.get(i).text();
				this.variableIndexes[variable] = i;
				variable++;
			}
		}
	}

	/**
	 * Parse a path pattern.
	 * @param pattern the pattern, for instance {@code /sensors/{id:\d+}/history/{*range}}; empty or {@code /}
	 * for the root
	 * @return the parsed pattern
	 * @throws IllegalArgumentException if the pattern is malformed
	 */
	public static CoapPathPattern parse(String pattern) {
		Assert.notNull(pattern, "'pattern' must not be null");
		List<Segment> segments = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		String[] parts = pattern.split("/");
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (part.isEmpty()) {
				continue;
			}
			Segment segment = parseSegment(pattern, part);
			if (segment.kind() != Kind.LITERAL && !names.add(segment.text())) {
				throw invalid(pattern, "variable '" + segment.text() + "' is declared twice");
			}
			if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.REST) {
				throw invalid(pattern, "{*" + segments.get(segments.size() - 1).text() + "} must be the last segment");
			}
			segments.add(segment);
		}
		StringBuilder normalized = new StringBuilder();
		for (Segment segment : segments) {
			normalized.append('/').append(segment.source());
		}
		return new CoapPathPattern(normalized.isEmpty() ? "/" : normalized.toString(),
				Collections.unmodifiableList(segments));
	}

	private static Segment parseSegment(String pattern, String part) {
		if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
			String inner = part.substring(1, part.length() - 1);
			if (inner.startsWith("*")) {
				String name = inner.substring(1);
				checkName(pattern, name);
				return new Segment(Kind.REST, name, null, part);
			}
			int colon = inner.indexOf(':');
			String name = (colon < 0) ? inner : inner.substring(0, colon);
			checkName(pattern, name);
			if (colon < 0) {
				return new Segment(Kind.VARIABLE, name, null, part);
			}
			String regex = inner.substring(colon + 1);
			if (regex.isEmpty()) {
				throw invalid(pattern, "variable '" + name + "' has an empty regular expression");
			}
			try {
				return new Segment(Kind.CONSTRAINED, name, Pattern.compile(regex), part);
			}
			catch (PatternSyntaxException ex) {
				throw invalid(pattern, "variable '" + name + "' has an invalid regular expression: "
						+ ex.getDescription());
			}
		}
		if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
			throw invalid(pattern, "'" + part + "' mixes text and a variable; a variable must be a whole segment");
		}
		return new Segment(Kind.LITERAL, part, null, part);
	}

	private static void checkName(String pattern, String name) {
		if (!VARIABLE_NAME.matcher(name).matches()) {
			throw invalid(pattern, "'" + name + "' is not a valid variable name");
		}
	}

	private static IllegalArgumentException invalid(String pattern, String reason) {
		return new IllegalArgumentException("Invalid CoAP path pattern '" + pattern + "': " + reason);
	}

	/**
	 * Match a request path.
	 * @param path the Uri-Path segments of the request, empty segments excluded
	 * @return the variables by name, in the order of the pattern, unmodifiable; or {@code null} if the path does
	 * not match
	 */
	public @Nullable Map<String, String> match(List<String> path) {
		int size = this.segments.size();
		if (this.rest ? path.size() < size - 1 : path.size() != size) {
			return null;
		}
		int fixed = this.rest ? size - 1 : size;
		for (int i = 0; i < fixed; i++) {
			Segment segment = this.segments.get(i);
			switch (segment.kind()) {
				case LITERAL -> {
					if (!segment.text().equals(path.get(i))) {
						return null;
					}
				}
				case CONSTRAINED -> {
					if (segment.regex() == null || !segment.regex().matcher(path.get(i)).matches()) {
						return null;
					}
				}
				default -> {
				}
			}
		}
		int count = this.variableIndexes.length;
		if (count == 0) {
			return Map.of();
		}
		String[] values = new String[count];
		for (int variable = 0; variable < count; variable++) {
			int index = this.variableIndexes[variable];
			values[variable] = (this.rest && index == size - 1) ? String.join("/", path.subList(index, path.size()))
					: path.get(index);
		}
		return new CoapPathVariables(this.variableNames, values);
	}

	/**
	 * Return the normalized pattern text: a leading {@code /}, no empty segments.
	 * @return the pattern
	 */
	public String getPattern() {
		return this.pattern;
	}

	/**
	 * Return whether the pattern has variables, so that it stands for many paths.
	 * @return {@code true} unless every segment is literal
	 */
	public boolean hasVariables() {
		return this.segments.stream().anyMatch((segment) -> segment.kind() != Kind.LITERAL);
	}

	/**
	 * Return the names of the variables, in order.
	 * @return the variable names
	 */
	public List<String> getVariableNames() {
		return this.segments.stream().filter((segment) -> segment.kind() != Kind.LITERAL).map(Segment::text).toList();
	}

	/**
	 * Return a key that two patterns share exactly when they match the same paths by construction: the
	 * pattern with variable names erased, regular expressions kept. Two mappings with the same shape, method
	 * and formats are ambiguous.
	 * @return the shape
	 */
	public String getShape() {
		return this.shape;
	}

	private static String shape(List<Segment> segments) {
		StringBuilder shape = new StringBuilder();
		for (Segment segment : segments) {
			shape.append('/');
			switch (segment.kind()) {
				case LITERAL -> shape.append(segment.text());
				case VARIABLE -> shape.append("{}");
				case CONSTRAINED -> shape.append("{:").append(segment.regex()).append('}');
				case REST -> shape.append("{*}");
			}
		}
		return shape.isEmpty() ? "/" : shape.toString();
	}

	/**
	 * Return whether the last segment is a {@code {*name}} variable.
	 * @return {@code true} with a rest variable
	 */
	boolean hasRestVariable() {
		return this.rest;
	}

	/**
	 * Return the number of segments, the rest variable included.
	 * @return the number of segments
	 */
	int getSegmentCount() {
		return this.segments.size();
	}

	/**
	 * Return the text of a literal segment.
	 * @param index the index of the segment
	 * @return the literal text, or {@code null} if the segment is a variable
	 */
	@Nullable String getLiteral(int index) {
		Segment segment = this.segments.get(index);
		return (segment.kind() == Kind.LITERAL) ? segment.text() : null;
	}

	private int count(Kind kind) {
		int count = 0;
		for (Segment segment : this.segments) {
			if (segment.kind() == kind) {
				count++;
			}
		}
		return count;
	}

	private static int compareKinds(CoapPathPattern left, CoapPathPattern right) {
		int size = Math.min(left.segments.size(), right.segments.size());
		for (int i = 0; i < size; i++) {
			int result = left.segments.get(i).kind().compareTo(right.segments.get(i).kind());
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	/**
	 * Compare by specificity: a negative result means this pattern is more specific than the other.
	 * @param other the other pattern
	 * @return the comparison result
	 */
	@Override
	public int compareTo(CoapPathPattern other) {
		return SPECIFICITY.compare(this, other);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof CoapPathPattern that && this.pattern.equals(that.pattern));
	}

	@Override
	public int hashCode() {
		return this.pattern.hashCode();
	}

	@Override
	public String toString() {
		return this.pattern;
	}

	/**
	 * The kinds of segments, from the most to the least specific.
	 */
	private enum Kind {

		LITERAL, CONSTRAINED, VARIABLE, REST

	}

	private record Segment(Kind kind, String text, @Nullable Pattern regex, String source) {
	}

}
