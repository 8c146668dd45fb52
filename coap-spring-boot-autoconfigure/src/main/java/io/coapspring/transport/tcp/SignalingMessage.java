package io.coapspring.transport.tcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
 * @since 0.1.0
 */
public record SignalingMessage(int code, byte[] token, List<Option> options, @Nullable String diagnostic) {

	/**
	 * Decode the part of a frame after the header.
	 * @param code the frame's code
	 * @param token the frame's token
	 * @param body the frame, holding the options and payload from {@code offset} to its end
	 * @param offset where the options start
	 * @return the message
	 * @throws IllegalArgumentException if the options are malformed
	 */
	public static SignalingMessage decode(int code, byte[] token, byte[] body, int offset) {
		List<Option> options = new ArrayList<>();
		int number = 0;
		int[] position = { offset };
		while (position[0] < body.length) {
			int first = body[position[0]++] & 0xFF;
			if (first == 0xFF) {
				if (position[0] == body.length) {
					throw new IllegalArgumentException("payload marker without payload");
				}
				String diagnostic = new String(body, position[0], body.length - position[0], StandardCharsets.UTF_8);
				return new SignalingMessage(code, token, options, diagnostic);
			}
			number += extended(first >>> 4, body, position);
			int length = extended(first & 0x0F, body, position);
			if (body.length - position[0] < length) {
				throw new IllegalArgumentException("option " + number + " longer than the message");
			}
			byte[] value = new byte[length];
			System.arraycopy(body, position[0], value, 0, length);
			position[0] += length;
			options.add(new Option(number, value));
		}
		return new SignalingMessage(code, token, options, null);
	}

	private static int extended(int nibble, byte[] body, int[] position) {
		if (nibble < 13) {
			return nibble;
		}
		int available = body.length - position[0];
		if (nibble == 13 && available >= 1) {
			return (body[position[0]++] & 0xFF) + 13;
		}
		if (nibble == 14 && available >= 2) {
			int value = ((body[position[0]] & 0xFF) << 8) | (body[position[0] + 1] & 0xFF);
			position[0] += 2;
			return value + 269;
		}
		throw new IllegalArgumentException("malformed option header");
	}

	/**
	 * Return whether the message has an option.
	 * @param number the option number
	 * @return whether it is present
	 */
	public boolean has(int number) {
		return this.options.stream().anyMatch((option) -> option.number() == number);
	}

	/**
	 * Return the first critical option that is not one of the given ones: RFC 8323 section 5.3 asks to abort
	 * the connection on it.
	 * @param known the numbers of the critical options understood
	 * @return the option, or {@code null} if there is none
	 */
	public @Nullable Option unsupportedCriticalOption(int... known) {
		for (Option option : this.options) {
			if (option.isCritical() && !contains(known, option.number())) {
				return option;
			}
		}
		return null;
	}

	private static boolean contains(int[] numbers, int number) {
		for (int candidate : numbers) {
			if (candidate == number) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the Max-Message-Size of a CSM.
	 * @param current the value to keep if the CSM does not carry the option
	 * @return the announced or the current value
	 * @throws IllegalArgumentException if the option is longer than 4 bytes
	 */
	public long maxMessageSize(long current) {
		long result = current;
		for (Option option : this.options) {
			if (option.number() == SignalingMessages.MAX_MESSAGE_SIZE) {
				result = option.uint();
			}
		}
		return result;
	}

	/**
	 * An option of a signaling message.
	 *
	 * @param number the option number
	 * @param value the value
	 */
	public record Option(int number, byte[] value) {

		/**
		 * Return whether the option is critical (odd number, RFC 7252 section 5.4.6).
		 * @return whether it is critical
		 */
		public boolean isCritical() {
			return (this.number & 1) == 1;
		}

		/**
		 * Decode the value as an unsigned integer of at most 4 bytes.
		 * @return the value
		 * @throws IllegalArgumentException if the value is longer than 4 bytes
		 */
		public long uint() {
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
