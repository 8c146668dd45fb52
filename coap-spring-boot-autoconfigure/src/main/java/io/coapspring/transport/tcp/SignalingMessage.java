package io.coapspring.transport.tcp;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * A received RFC 8323 signaling message (code class 7): its code, token and options. Options are decoded as
 * in RFC 7252 section 3.1; the payload, a diagnostic, is only kept as text.
 *
 * @param code the code, for instance {@link SignalingMessages#CSM}
 * @param token the token
 * @param options the options in the order received
 * @param diagnostic the payload as text, or {@code null} without payload
 * @author CoAP Spring Boot team
 */
record SignalingMessage(int code, byte[] token, List<Option> options, @Nullable String diagnostic) {

	/**
	 * Decode the part of a frame after the header.
	 * @param code the frame's code
	 * @param token the frame's token
	 * @param body options and payload
	 * @return the message
	 * @throws IllegalArgumentException if the options are malformed
	 */
	static SignalingMessage decode(int code, byte[] token, ByteBuf body) {
		List<Option> options = new ArrayList<>();
		int number = 0;
		while (body.isReadable()) {
			int first = body.readUnsignedByte();
			if (first == 0xFF) {
				if (!body.isReadable()) {
					throw new IllegalArgumentException("payload marker without payload");
				}
				String diagnostic = body.readCharSequence(body.readableBytes(), java.nio.charset.StandardCharsets.UTF_8)
					.toString();
				return new SignalingMessage(code, token, options, diagnostic);
			}
			number += extended(first >>> 4, body);
			int length = extended(first & 0x0F, body);
			if (body.readableBytes() < length) {
				throw new IllegalArgumentException("option " + number + " longer than the message");
			}
			byte[] value = new byte[length];
			body.readBytes(value);
			options.add(new Option(number, value));
		}
		return new SignalingMessage(code, token, options, null);
	}

	private static int extended(int nibble, ByteBuf body) {
		if (nibble < 13) {
			return nibble;
		}
		if (nibble == 13 && body.isReadable()) {
			return body.readUnsignedByte() + 13;
		}
		if (nibble == 14 && body.readableBytes() >= 2) {
			return body.readUnsignedShort() + 269;
		}
		throw new IllegalArgumentException("malformed option header");
	}

	/**
	 * Return whether the message has an option.
	 * @param number the option number
	 * @return whether it is present
	 */
	boolean has(int number) {
		return this.options.stream().anyMatch((option) -> option.number() == number);
	}

	/**
	 * An option of a signaling message.
	 *
	 * @param number the option number
	 * @param value the value
	 */
	record Option(int number, byte[] value) {

		/**
		 * Return whether the option is critical (odd number, RFC 7252 section 5.4.6).
		 * @return whether it is critical
		 */
		boolean isCritical() {
			return (this.number & 1) == 1;
		}

		/**
		 * Decode the value as an unsigned integer of at most 4 bytes.
		 * @return the value
		 * @throws IllegalArgumentException if the value is longer than 4 bytes
		 */
		long uint() {
			if (this.value.length > 4) {
				throw new IllegalArgumentException("option " + this.number + " longer than 4 bytes");
			}
			long result = 0;
			for (byte b : this.value) {
				result = (result << 8) | (b & 0xFF);
			}
			return result;
		}

	}

}
