package io.coapspring.client.discovery;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Parses CoRE Link Format documents (RFC 6690 section 2) into {@link WebLink}s, in document order. Quoted
 * values may contain commas, semicolons and escaped quotes; a value may also be an unquoted token.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LinkFormatParser {

	private static final String ILLEGAL = "{}|\\^`\"<>";

	private static final String HEX = "0123456789ABCDEF";

	private final String text;

	private final URI context;

	private final InetSocketAddress source;

	private int position;

	private LinkFormatParser(String text, URI context, InetSocketAddress source) {
		this.text = text;
		this.context = context;
		this.source = source;
	}

	/**
	 * Parse a document.
	 * @param document the link-format text
	 * @param source the node that served it; relative targets are resolved against {@code coap://source/}
	 * @return the links in document order
	 * @throws IllegalArgumentException if the document is malformed, naming the position
	 */
	public static List<WebLink> parse(String document, InetSocketAddress source) {
		Assert.notNull(document, "'document' must not be null");
		Assert.notNull(source, "'source' must not be null");
		return new LinkFormatParser(document, context(source), source).links();
	}

	private static URI context(InetSocketAddress source) {
		String host = source.getAddress().getHostAddress();
		if (source.getAddress() instanceof Inet6Address) {
			int zone = host.indexOf('%');
			host = "[" + ((zone >= 0) ? host.substring(0, zone) : host) + "]";
		}
		try {
			return new URI("coap://" + host + ":" + source.getPort() + "/");
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Cannot build a URI for " + source, ex);
		}
	}

	private List<WebLink> links() {
		List<WebLink> links = new ArrayList<>();
		skipWhitespace();
		while (this.position < this.text.length()) {
			links.add(link());
			skipWhitespace();
			if (this.position < this.text.length()) {
				expect(',');
				skipWhitespace();
			}
		}
		return links;
	}

	private WebLink link() {
		expect('<');
		int end = this.text.indexOf('>', this.position);
		if (end < 0) {
			throw error("unterminated link target");
		}
		String target = this.text.substring(this.position, end);
		this.position = end + 1;
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		skipWhitespace();
		while (peek() == ';') {
			this.position++;
			skipWhitespace();
			String name = name();
			List<String> values = attributes.computeIfAbsent(name, (key) -> new ArrayList<>());
			skipWhitespace();
			if (peek() == '=') {
				this.position++;
				skipWhitespace();
				values.add((peek() == '"') ? quoted() : token());
			}
			skipWhitespace();
		}
		return new WebLink(target, resolve(target), this.source, attributes);
	}

	private URI resolve(String target) {
		try {
			return this.context.resolve(new URI(target));
		}
		catch (URISyntaxException ex) {
			// a URI template such as </sensors/{id}>, which some servers list for patterns with variables
			try {
				return this.context.resolve(new URI(encodeIllegal(target)));
			}
			catch (URISyntaxException again) {
				throw new IllegalArgumentException("Invalid link target <" + target + ">: " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Percent-encode the characters a URI cannot carry, such as the braces of a URI template.
	 */
	private static String encodeIllegal(String target) {
		StringBuilder encoded = new StringBuilder(target.length() + 8);
		for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c <= 0x20 || c >= 0x7f || ILLEGAL.indexOf(c) >= 0) {
				encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
			}
			else {
				encoded.append((char) c);
			}
		}
		return encoded.toString();
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
			if (c == ';' || c == ',' || Character.isWhitespace(c)) {
				break;
			}
			this.position++;
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
			if (c == '\\' && this.position < this.text.length()) {
				c = this.text.charAt(this.position++);
			}
			value.append(c);
		}
		throw error("unterminated quoted value");
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || "!#$&+-.^_`|~*".indexOf(c) >= 0;
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
