package io.coapspring.proxy.http;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Converts between CoAP ETags (1 to 8 opaque bytes) and HTTP entity tags: a CoAP ETag is the strong entity
 * tag of its bytes in lower-case hexadecimal ({@code "0a1b"}), and only such entity tags map back to CoAP.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class HttpEntityTags {

	private static final HexFormat HEX = HexFormat.of();

	/** Longest CoAP ETag (RFC 7252 section 5.10.6). */
	private static final int MAX_ETAG_LENGTH = 8;

	private HttpEntityTags() {
	}

	/**
	 * Return the HTTP entity tag of a CoAP ETag.
	 * @param etag the ETag bytes
	 * @return the quoted entity tag
	 */
	public static String toEntityTag(byte[] etag) {
		return "\"" + HEX.formatHex(etag) + "\"";
	}

	/**
	 * Return the CoAP ETag of an HTTP entity tag.
	 * @param entityTag a strong entity tag, quoted
	 * @return the ETag bytes, or {@code null} when the tag is weak or is not 1 to 8 bytes in hexadecimal
	 */
	public static byte @Nullable [] toETag(String entityTag) {
		String tag = entityTag.trim();
		if (tag.length() < 4 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
			return null;
		}
		String hex = tag.substring(1, tag.length() - 1);
		if (hex.length() % 2 != 0 || hex.length() / 2 > MAX_ETAG_LENGTH) {
			return null;
		}
		try {
			return HEX.parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Split the value of an If-Match or If-None-Match header into its entity tags.
	 * @param header the header values
	 * @return the entity tags, {@code *} included as it is
	 */
	public static List<String> split(List<String> header) {
		List<String> tags = new ArrayList<>();
		for (String value : header) {
			int i = 0;
			while (i < value.length()) {
				char c = value.charAt(i);
				if (c == ',' || Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '*') {
					tags.add("*");
					i++;
				}
				else {
					int start = i;
					if (value.startsWith("W/", i)) {
						i += 2;
					}
					int open = value.indexOf('"', i);
					int close = (open >= 0) ? value.indexOf('"', open + 1) : -1;
					if (open != i || close < 0) {
						// not an entity tag: skip to the next comma
						int comma = value.indexOf(',', i);
						tags.add(value.substring(start, (comma < 0) ? value.length() : comma).trim());
						i = (comma < 0) ? value.length() : comma + 1;
					}
					else {
						tags.add(value.substring(start, close + 1));
						i = close + 1;
					}
				}
			}
		}
		return tags;
	}

}
