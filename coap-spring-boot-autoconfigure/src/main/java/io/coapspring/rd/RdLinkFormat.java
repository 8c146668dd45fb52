package io.coapspring.rd;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Reads and writes the link format (RFC 6690 section 2) of registrations and lookups, strictly: a document that
 * does not follow the grammar, or whose targets or anchors are not URI references, is rejected as a whole with an
 * {@link IllegalArgumentException} naming the position, so that nothing of it is ever stored.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RdLinkFormat {

	private static final String NAME_CHARS = "!#$&+-.^_`|~*";

	private final String text;

	private final int maxLinks;

	private int position;

	private RdLinkFormat(String text, int maxLinks) {
		this.text = text;
		this.maxLinks = maxLinks;
	}

	/**
	 * Parse a document.
	 * @param document the link-format text; an empty (or blank) document holds no link
	 * @param maxLinks the most links accepted
	 * @return the links in document order
	 * @throws IllegalArgumentException if the document is malformed or has more than {@code maxLinks} links
	 */
	public static List<RdLink> parse(String document, int maxLinks) {
		Assert.notNull(document, "'document' must not be null");
		return new RdLinkFormat(document, maxLinks).links();
	}

	/**
	 * Write links in link format, quoting every attribute value.
	 * @param links the links
	 * @return the document
	 */
	public static String write(List<RdLink> links) {
		StringBuilder document = new StringBuilder();
		for (RdLink link : links) {
			if (!document.isEmpty()) {
				document.append(',');
			}
			document.append('<').append(link.target()).append('>');
			link.attributes().forEach((name, values) -> {
				if (values.isEmpty()) {
					document.append(';').append(name);
				}
				for (String value : values) {
					document.append(';').append(name).append("=\"");
					for (int i = 0; i < value.length(); i++) {
						char c = value.charAt(i);
						if (c == '"' || c == '\\') {
							document.append('\\');
						}
						document.append(c);
					}
					document.append('"');
				}
			});
		}
		return document.toString();
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

	private List<RdLink> links() {
		List<RdLink> links = new ArrayList<>();
		skipWhitespace();
		while (this.position < this.text.length()) {
			if (links.size() == this.maxLinks) {
				throw new IllegalArgumentException("More than " + this.maxLinks + " links");
			}
			links.add(link());
			skipWhitespace();
			if (this.position < this.text.length()) {
				expect(',');
				skipWhitespace();
				if (this.position == this.text.length()) {
					throw error("expected a link after ','");
				}
			}
		}
		return links;
	}

	private RdLink link() {
		expect('<');
		int end = this.text.indexOf('>', this.position);
		if (end < 0) {
			throw error("unterminated link target");
		}
		String target = this.text.substring(this.position, end);
		try {
			uriReference(target);
		}
		catch (IllegalArgumentException ex) {
			throw error("link target " + ex.getMessage());
		}
		this.position = end + 1;
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		skipWhitespace();
		while (peek() == ';') {
			this.position++;
			skipWhitespace();
			String name = name();
			List<String> values = attributes.computeIfAbsent(name, (key) -> new ArrayList<>());
			if (peek() == '=') {
				this.position++;
				String value = (peek() == '"') ? quoted() : token();
				if ("anchor".equals(name)) {
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
		return new RdLink(target, attributes);
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
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == ';' || c == ',' || Character.isWhitespace(c) || c == '"' || c == '<' || c == '>') {
				break;
			}
			this.position++;
		}
		if (start == this.position) {
			throw error("expected a value");
		}
		return this.text.substring(start, this.position);
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

	private static boolean isNameChar(char c) {
		return (c < 128 && Character.isLetterOrDigit(c)) || NAME_CHARS.indexOf(c) >= 0;
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
