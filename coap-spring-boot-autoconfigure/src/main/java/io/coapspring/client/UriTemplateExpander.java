package io.coapspring.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Expands URI templates such as {@code coap://[fd00::7]/sensors/{id}?unit={unit}} and resolves relative
 * URIs against a base URI. Variable values are strictly percent-encoded (a {@code /} in a value stays part of
 * one path segment); literal template text is only encoded where it holds characters a URI cannot carry.
 *
 * @author CoAP Spring Boot team
 */
final class UriTemplateExpander {

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

	private static final String LITERAL_ALLOWED = "-._~:/?#[]@!$&'()*+,;=%";

	private final @Nullable String baseUri;

	UriTemplateExpander(@Nullable String baseUri) {
		this.baseUri = baseUri;
	}

	@Nullable String getBaseUri() {
		return this.baseUri;
	}

	/**
	 * Expand a template with positional values, taken in the order the variable names first appear.
	 */
	URI expand(String template, Object... values) {
		List<String> names = variableNames(template);
		Map<String, @Nullable Object> byName = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (i >= values.length) {
				throw new IllegalArgumentException("Not enough variable values available to expand '" + names.get(i)
						+ "' in URI template '" + template + "'");
			}
			byName.put(names.get(i), values[i]);
		}
		return resolve(substitute(template, byName::get, byName::containsKey));
	}

	/**
	 * Expand a template with named values.
	 */
	URI expand(String template, Map<String, ?> values) {
		return resolve(substitute(template, values::get, values::containsKey));
	}

	/**
	 * Resolve a URI against the base URI unless it is absolute.
	 */
	URI resolve(URI uri) {
		return uri.isAbsolute() ? uri : resolve(uri.toString());
	}

	private URI resolve(String uri) {
		String absolute = uri;
		if (!SCHEME.matcher(uri).matches()) {
			if (this.baseUri == null) {
				throw new IllegalArgumentException("URI '" + uri
						+ "' is not absolute and no base URI is configured (coap.client.base-uri)");
			}
			String base = this.baseUri.endsWith("/") ? this.baseUri.substring(0, this.baseUri.length() - 1)
					: this.baseUri;
			absolute = (uri.isEmpty() || uri.startsWith("/") || uri.startsWith("?")) ? base + uri : base + "/" + uri;
		}
		try {
			return new URI(absolute);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid URI '" + absolute + "': " + ex.getMessage(), ex);
		}
	}

	private static List<String> variableNames(String template) {
		List<String> names = new ArrayList<>();
		int index = 0;
		while ((index = template.indexOf('{', index)) >= 0) {
			int end = closingBrace(template, index);
			String name = name(template.substring(index + 1, end));
			if (!names.contains(name)) {
				names.add(name);
			}
			index = end + 1;
		}
		return names;
	}

	private static String substitute(String template, Function<String, @Nullable Object> values,
			Function<String, Boolean> present) {
		StringBuilder result = new StringBuilder(template.length() + 16);
		int index = 0;
		while (index < template.length()) {
			int open = template.indexOf('{', index);
			if (open < 0) {
				result.append(encodeLiteral(template.substring(index)));
				break;
			}
			result.append(encodeLiteral(template.substring(index, open)));
			int end = closingBrace(template, open);
			String name = name(template.substring(open + 1, end));
			if (!present.apply(name)) {
				throw new IllegalArgumentException("Map has no value for '" + name + "' in URI template '"
						+ template + "'");
			}
			Object value = values.apply(name);
			result.append(encodeValue((value != null) ? value.toString() : ""));
			index = end + 1;
		}
		return result.toString();
	}

	private static int closingBrace(String template, int open) {
		int depth = 0;
		for (int i = open; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("Unclosed variable at position " + open + " in URI template '"
				+ template + "'");
	}

	private static String name(String variable) {
		int colon = variable.indexOf(':');
		String name = ((colon >= 0) ? variable.substring(0, colon) : variable).trim();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("Empty variable name in URI template");
		}
		return name;
	}

	private static String encodeLiteral(String text) {
		return encode(text, true);
	}

	/**
	 * Percent-encode everything but the unreserved characters of RFC 3986.
	 */
	static String encodeValue(String text) {
		return encode(text, false);
	}

	private static String encode(String text, boolean literal) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (isUnreserved(c) || (literal && c < 0x80 && LITERAL_ALLOWED.indexOf(c) >= 0)) {
				out.write(c);
			}
			else {
				out.write('%');
				out.write(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)));
				out.write(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString(StandardCharsets.US_ASCII);
	}

	private static boolean isUnreserved(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
