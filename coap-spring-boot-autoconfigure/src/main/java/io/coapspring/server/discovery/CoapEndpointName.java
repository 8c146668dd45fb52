package io.coapspring.server.discovery;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * The name of a node, published as the {@code ep} attribute of the links of {@code /.well-known/core} and
 * matched by {@code ?ep=} discovery filters, so that a client finds a node by name on a multicast group
 * without a registry. {@code ep} is the endpoint name of the CoRE Resource Directory (RFC 9176), whose
 * limit of 63 bytes applies.
 * <p>
 * A name is written into link format without escaping, so it may not hold whitespace, control characters or
 * the delimiters of link format and query filters.
 *
 * @param value the name
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapEndpointName(String value) {

	/**
	 * The link attribute that carries the name.
	 */
	public static final String ATTRIBUTE = "ep";

	private static final int MAX_BYTES = 63;

	private static final String DELIMITERS = "\"\\,;<>=&*";

	/**
	 * Validate the name.
	 * @throws IllegalArgumentException if the name is empty, longer than 63 bytes in UTF-8, or holds
	 * whitespace, control characters or one of {@code " \ , ; < > = & *}
	 */
	public CoapEndpointName {
		Assert.notNull(value, "'value' must not be null");
		if (value.isEmpty()) {
			throw new IllegalArgumentException("must not be empty");
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new IllegalArgumentException("must be at most " + MAX_BYTES + " bytes in UTF-8 (RFC 9176)");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || DELIMITERS.indexOf(c) >= 0) {
				throw new IllegalArgumentException(
						"must not hold whitespace, control characters or any of \" \\ , ; < > = & *");
			}
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
