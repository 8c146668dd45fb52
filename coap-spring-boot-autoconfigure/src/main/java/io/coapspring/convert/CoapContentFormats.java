package io.coapspring.convert;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.californium.core.coap.MediaTypeRegistry;

/**
 * Resolves Content-Format names and numbers: the formats Californium knows (the IANA registry) plus the
 * {@link CoapContentFormat}s an application registers. An instance per application context; Californium's
 * own static registry is only read.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapContentFormats {

	/** Content-Format of RFC 9290 concise problem details. */
	public static final int PROBLEM_DETAILS_CBOR = 257;

	private static final String PROBLEM_DETAILS_CBOR_TYPE = "application/concise-problem-details+cbor";

	private final Map<String, CoapContentFormat> byName = new HashMap<>();

	private final Map<Integer, CoapContentFormat> byNumber = new HashMap<>();

	/**
	 * Create a registry with only the built-in formats.
	 */
	public CoapContentFormats() {
		this(java.util.List.of());
	}

	/**
	 * Create a registry with the built-in formats and the given custom ones.
	 * @param custom the application's formats
	 * @throws IllegalArgumentException if a custom format reuses a number or a name already registered
	 */
	public CoapContentFormats(Collection<CoapContentFormat> custom) {
		register(new CoapContentFormat(PROBLEM_DETAILS_CBOR, PROBLEM_DETAILS_CBOR_TYPE, false));
		for (CoapContentFormat format : custom) {
			if (MediaTypeRegistry.isKnown(format.number()) || this.byNumber.containsKey(format.number())) {
				throw new IllegalArgumentException("Content-Format " + format.number() + " ('" + format.mediaType()
						+ "') is already registered as '" + name(format.number()) + "'");
			}
			if (this.byName.containsKey(key(format.mediaType()))) {
				throw new IllegalArgumentException("Media type '" + format.mediaType() + "' is already registered");
			}
			register(format);
		}
	}

	private void register(CoapContentFormat format) {
		this.byName.put(key(format.mediaType()), format);
		this.byNumber.put(format.number(), format);
	}

	/**
	 * Resolve a Content-Format given as a media type ({@code application/json}) or as a number ({@code "50"}).
	 * @param value the media type or number
	 * @return the Content-Format number
	 * @throws IllegalArgumentException if the value names no known Content-Format
	 */
	public int resolve(String value) {
		String trimmed = value.trim();
		if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
			int number = Integer.parseInt(trimmed);
			if (number > 0xFFFF) {
				throw new IllegalArgumentException("Content-Format " + number + " is outside 0..65535");
			}
			return number;
		}
		CoapContentFormat custom = this.byName.get(key(trimmed));
		if (custom != null) {
			return custom.number();
		}
		int number = MediaTypeRegistry.parse(trimmed.replace(" ", ""));
		if (number == MediaTypeRegistry.UNDEFINED && trimmed.indexOf(';') > 0) {
			number = MediaTypeRegistry.parse(trimmed.substring(0, trimmed.indexOf(';')).trim());
		}
		if (number == MediaTypeRegistry.UNDEFINED) {
			throw new IllegalArgumentException("Unknown CoAP Content-Format '" + value
					+ "': use a registered media type, a number, or declare a CoapContentFormat bean");
		}
		return number;
	}

	/**
	 * Return the media type of a Content-Format number.
	 * @param number the Content-Format number
	 * @return the media type, or the number as text when it is unknown
	 */
	public String name(int number) {
		CoapContentFormat custom = this.byNumber.get(number);
		if (custom != null) {
			return custom.mediaType();
		}
		if (MediaTypeRegistry.isKnown(number)) {
			return MediaTypeRegistry.toString(number);
		}
		return String.valueOf(number);
	}

	/**
	 * Return whether payloads of a Content-Format are text that a {@code String} can carry.
	 * @param number the Content-Format number, or {@link MediaTypeRegistry#UNDEFINED} for none
	 * @return {@code true} for text formats, octet-stream and the absence of a format
	 */
	public boolean isTextual(int number) {
		CoapContentFormat custom = this.byNumber.get(number);
		if (custom != null) {
			return custom.textual();
		}
		return number == MediaTypeRegistry.UNDEFINED || number == MediaTypeRegistry.APPLICATION_OCTET_STREAM
				|| (MediaTypeRegistry.isKnown(number) && MediaTypeRegistry.isPrintable(number));
	}

	private static String key(String mediaType) {
		return mediaType.trim().toLowerCase(Locale.ROOT);
	}

}
