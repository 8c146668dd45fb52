package io.coapspring.interop;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * The state of a resource: its payload and the Content-Format it is in.
 *
 * @param payload the payload
 * @param contentFormat the Content-Format number
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Representation(byte[] payload, int contentFormat) {

	public Representation {
		Assert.notNull(payload, "'payload' must not be null");
		payload = payload.clone();
	}

	/**
	 * Create a text/plain representation.
	 * @param text the text
	 * @return the representation
	 */
	public static Representation text(String text) {
		return new Representation(text.getBytes(StandardCharsets.UTF_8), 0);
	}

	@Override
	public byte[] payload() {
		return this.payload.clone();
	}

}
