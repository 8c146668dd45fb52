package io.coapspring.linkformat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Reads CoRE Link Format documents (RFC 6690 section 2) link by link, in document order: a target between
 * {@code <} and {@code >}, then {@code ;name} or {@code ;name=value} attributes, where a value is a token or a
 * quoted string that may hold commas, semicolons and escaped quotes. A malformed document is rejected as a whole
 * with an {@link IllegalArgumentException} naming the position. The {@link Syntax} says how much it tolerates:
 * {@link Syntax#STRICT} for what is stored (a Resource Directory), {@link Syntax#LENIENT} for what is merely read
 * from other nodes (discovery).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LinkFormatReader {

	private static final String NAME_CHARS = "!#$&+-.^_`|~*";

	/**
	 * How much a reader tolerates beyond the grammar of RFC 6690.
	 */
	public enum Syntax {

		/**
		 * The grammar: names of ASCII token characters, no whitespace around {@code =}, no empty value, no comma
		 * without a link after it, and targets and anchors that are URI references.
		 */
		STRICT,

		/**
		 * What nodes send in practice as well: whitespace around {@code =}, empty values, a trailing comma,
		 * non-ASCII letters in names, and targets that are no URI references (URI templates such as
		 * {@code </sensors/{id}>}).
		 */
		LENIENT

	}

	/**
	 * Makes a link of a target and its attributes.
	 *
	 * @param <T> the type of link
	 */
	@FunctionalInterface
	public interface LinkFactory<T> {

		/**
		 * Make a link.
		 * @param target the target as written between {@code <} and {@code >}
		 * @param attributes the attributes by name, each with its values in document order; a valueless
		 * attribute such as {@code obs} has none
		 * @return the link
		 * @throws IllegalArgumentException if the link cannot be made; the document is then rejected
		 */
		T create(String target, Map<String, List<String>> attributes);

	}

	private final String text;

	private final Syntax syntax;

	private final int maxLinks;

	private int position;

	private LinkFormatReader(String text, Syntax syntax, int maxLinks) {
		this.text = text;
		this.syntax = syntax;
		this.maxLinks = maxLinks;
	}

	/**
	 * Read a document.
	 * @param <T> the type of link
	 * @param document the link-format text; an empty (or blank) document holds no link
	 * @param syntax how much to tolerate
	 * @param maxLinks the most links accepted
	 * @param factory makes each link
	 * @return the links in document order
	 * @throws IllegalArgumentException if the document is malformed or has more than {@code maxLinks} links
	 */
	public static <T> List<T> read(String document, Syntax syntax, int maxLinks, LinkFactory<T> factory) {
		Assert.notNull(document, "'document' must not be null");
		Assert.notNull(syntax, "'syntax' must not be null");
		Assert.notNull(factory, "'factory' must not be null");
		return new LinkFormatReader(document, syntax, maxLinks).links(factory);
	}

	/**
	 * Check that a link target or anchor is a URI reference.
	 * @param reference the reference
	 * @return the parsed reference
	 * @throws IllegalArgumentException if it is not one
	 */
	public static URI uriReference(String reference) {
		try {
			return new URI(reference);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + reference + "' is not a URI reference: " + ex.getReason());
		}
	}

	private boolean strict() {
		return this.syntax == Syntax.STRICT;
	}

	private <T> List<T> links(LinkFactory<T> factory) {
		List<T> links = new ArrayList<>();
		skipWhitespace();
		while (this.position < this.text.length()) {
			if (links.size() == this.maxLinks) {
				throw new IllegalArgumentException("More than " + this.maxLinks + " links");
			}
			links.add(link(factory));
			skipWhitespace();
			if (this.position < this.text.length()) {
				expect(',');
				skipWhitespace();
				if (strict() && this.position == this.text.length()) {
					throw error("expected a link after ','");
				}
			}
		}
		return links;
	}

	private <T> T link(LinkFactory<T> factory) {
		expect('<');
		int end = this.text.indexOf('>', this.position);
		if (end < 0) {
			throw error("unterminated link target");
		}
		String target = this.text.substring(this.position, end);
		if (strict()) {
			try {
				uriReference(target);
			}
			catch (IllegalArgumentException ex) {
				throw error("link target " + ex.getMessage());
			}
		}
		this.position = end + 1;
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		skipWhitespace();
		while (peek() == ';') {
			this.position++;
			skipWhitespace();
			String name = name();
			List<String> values = attributes.computeIfAbsent(name, (key) -> new ArrayList<>());
			if (!strict()) {
				skipWhitespace();
			}
			if (peek() == '=') {
				this.position++;
				if (!strict()) {
					skipWhitespace();
				}
				String value = (peek() == '"') ? quoted() : token();
				if (strict() && "anchor".equals(name)) {
					try {
						uriReference(value);
					}
					catch (IllegalArgumentException ex) {
						throw error("anchor " + ex.getMessage());
					}
				}
				values.add(value);
			}
			skipWhitespace();
		}
		if (this.position < this.text.length() && peek() != ',') {
			throw error("expected ';' or ','");
		}
		return factory.create(target, attributes);
	}

	private String name() {
		int start = this.position;
		while (this.position < this.text.length() && isNameChar(this.text.charAt(this.position))) {
			this.position++;
		}
		if (start == this.position) {
			throw error("expected an attribute name");
		}
		return this.text.substring(start, this.position);
	}

	private String token() {
		int start = this.position;
		while (this.position < this.text.length() && !endsToken(this.text.charAt(this.position))) {
			this.position++;
		}
		if (strict() && start == this.position) {
			throw error("expected a value");
		}
		return this.text.substring(start, this.position);
	}

	private boolean endsToken(char c) {
		return c == ';' || c == ',' || Character.isWhitespace(c) || (strict() && (c == '"' || c == '<' || c == '>'));
	}

	private String quoted() {
		expect('"');
		StringBuilder value = new StringBuilder();
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c == '\\') {
				if (this.position == this.text.length()) {
					break;
				}
				c = this.text.charAt(this.position++);
			}
			value.append(c);
		}
		throw error("unterminated quoted value");
	}

	private boolean isNameChar(char c) {
		boolean letterOrDigit = strict() ? (c < 128 && Character.isLetterOrDigit(c)) : Character.isLetterOrDigit(c);
		return letterOrDigit || NAME_CHARS.indexOf(c) >= 0;
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
	}

	private void expect(char expected) {
		if (peek() != expected) {
			throw error("expected '" + expected + "'");
		}
		this.position++;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("Malformed link format at position " + this.position + ": " + problem);
	}

}
