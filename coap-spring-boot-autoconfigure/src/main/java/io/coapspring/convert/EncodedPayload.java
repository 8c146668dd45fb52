package io.coapspring.convert;

import org.springframework.util.Assert;

/**
 * A value written by a {@link CoapMessageConverter}: the payload bytes and their Content-Format.
 *
 * @param bytes the payload
 * @param contentFormat the Content-Format number of the payload
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record EncodedPayload(byte[] bytes, int contentFormat) {

	/**
	 * Validate the components.
	 */
	public EncodedPayload {
		Assert.notNull(bytes, "'bytes' must not be null");
	}

}
