package io.coapspring.convert;

import org.springframework.util.Assert;

/**
 * A Content-Format beyond the ones registered with IANA that Californium knows, registered by declaring a
 * bean of this type (node-coap's {@code registerFormat}): once registered, its media type can be used in
 * {@code consumes}, {@code produces} and Accept values.
 *
 * @param number the Content-Format number, 0 to 65535
 * @param mediaType the media type, for instance {@code application/vnd.example+json}
 * @param textual whether the payload is text that a {@code String} can carry
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapContentFormat(int number, String mediaType, boolean textual) {

	/**
	 * Validate the components.
	 */
	public CoapContentFormat {
		Assert.isTrue(number >= 0 && number <= 0xFFFF, () -> "Content-Format number " + number
				+ " of '" + mediaType + "' is outside 0..65535");
		Assert.hasText(mediaType, "'mediaType' must not be empty");
	}

}
