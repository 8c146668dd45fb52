package io.coapspring.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The few RFC 7252 message forms the load generator needs, written and parsed by hand so that the client side
 * of a measurement shares no code with Californium.
 * <p>
 * A request is encoded once as a template; {@link #patch(byte[], int, long)} then writes the message ID and
 * the 8-byte token of each send into it, so the per-request cost is two small writes.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapCodec {

	/** Message type CON. */
	public static final int CON = 0;

	/** Message type NON. */
	public static final int NON = 1;

	/** Message type ACK. */
	public static final int ACK = 2;

	/** Message type RST. */
	public static final int RST = 3;

	/** Method code GET (0.01). */
	public static final int GET = 1;

	/** Method code POST (0.02). */
	public static final int POST = 2;

	/** Token length used for every request. */
	public static final int TOKEN_LENGTH = 8;

	/** Offset of the token in a message. */
	public static final int TOKEN_OFFSET = 4;

	private static final int OPTION_OBSERVE = 6;

	private static final int OPTION_URI_PATH = 11;

	private static final int OPTION_CONTENT_FORMAT = 12;

	private static final int PAYLOAD_MARKER = 0xFF;

	private CoapCodec() {
	}

	/**
	 * Encode a CON request template with an 8-byte token; message ID and token are zero until patched.
	 * @param code the method code, {@link #GET} or {@link #POST}
	 * @param path the Uri-Path, e.g. {@code "/hello"} or {@code "/"} (no option)
	 * @param observe whether to add Observe=0 (a registration)
	 * @param contentFormat the Content-Format of the payload, or -1 for none
	 * @param payload the payload, or {@code null}
	 * @return the template
	 */
	public static byte[] request(int code, String path, boolean observe, int contentFormat, byte @Nullable [] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.write(0x40 | (CON << 4) | TOKEN_LENGTH);
		out.write(code);
		out.write(0);
		out.write(0);
		out.writeBytes(new byte[TOKEN_LENGTH]);
		int last = 0;
		if (observe) {
			last = writeOption(out, last, OPTION_OBSERVE, new byte[0]);
		}
		for (String segment : segments(path)) {
			last = writeOption(out, last, OPTION_URI_PATH, segment.getBytes(StandardCharsets.UTF_8));
		}
		if (contentFormat >= 0) {
			writeOption(out, last, OPTION_CONTENT_FORMAT, uint(contentFormat));
		}
		if (payload != null && payload.length > 0) {
			out.write(PAYLOAD_MARKER);
			out.writeBytes(payload);
		}
		return out.toByteArray();
	}

	/**
	 * Encode an empty message (an ACK or RST of a message received).
	 * @param type {@link #ACK} or {@link #RST}
	 * @param messageId the message ID of the message answered
	 * @return the four header bytes
	 */
	public static byte[] empty(int type, int messageId) {
		return new byte[] { (byte) (0x40 | (type << 4)), 0, (byte) (messageId >>> 8), (byte) messageId };
	}

	/**
	 * Write a message ID and token into a template made by {@link #request}.
	 * @param message the template
	 * @param messageId the message ID, 0 to 65535
	 * @param token the token, big-endian in the 8 token bytes
	 */
	public static void patch(byte[] message, int messageId, long token) {
		message[2] = (byte) (messageId >>> 8);
		message[3] = (byte) messageId;
		for (int i = 0; i < TOKEN_LENGTH; i++) {
			message[TOKEN_OFFSET + i] = (byte) (token >>> (56 - 8 * i));
		}
	}

	/**
	 * Return whether the bytes are a CoAP version 1 message with a sane header.
	 * @param data the datagram
	 * @param length its length
	 * @return {@code true} if the header can be read
	 */
	public static boolean isValid(byte[] data, int length) {
		return length >= 4 && ((data[0] & 0xFF) >>> 6) == 1 && tokenLength(data) <= 8
				&& length >= 4 + tokenLength(data);
	}

	/**
	 * The message type.
	 * @param data the message
	 * @return {@link #CON}, {@link #NON}, {@link #ACK} or {@link #RST}
	 */
	public static int type(byte[] data) {
		return (data[0] >>> 4) & 0x3;
	}

	/**
	 * The token length.
	 * @param data the message
	 * @return 0 to 15 (above 8 is malformed)
	 */
	public static int tokenLength(byte[] data) {
		return data[0] & 0x0F;
	}

	/**
	 * The code as one byte, class in the top 3 bits: 0x45 is 2.05.
	 * @param data the message
	 * @return the code
	 */
	public static int code(byte[] data) {
		return data[1] & 0xFF;
	}

	/**
	 * The message ID.
	 * @param data the message
	 * @return 0 to 65535
	 */
	public static int messageId(byte[] data) {
		return ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
	}

	/**
	 * The token as a long; only meaningful for 8-byte tokens.
	 * @param data the message
	 * @return the token, or -1 if the token is not 8 bytes long
	 */
	public static long token(byte[] data) {
		if (tokenLength(data) != TOKEN_LENGTH) {
			return -1;
		}
		long token = 0;
		for (int i = 0; i < TOKEN_LENGTH; i++) {
			token = (token << 8) | (data[TOKEN_OFFSET + i] & 0xFF);
		}
		return token;
	}

	/**
	 * Return whether the code is a 2.xx success response.
	 * @param code the code from {@link #code(byte[])}
	 * @return {@code true} for 2.00 to 2.31
	 */
	public static boolean isSuccess(int code) {
		return (code >>> 5) == 2;
	}

	/**
	 * Render a code as CoAP writes it, e.g. {@code "2.05"}.
	 * @param code the code
	 * @return the text
	 */
	public static String codeText(int code) {
		return (code >>> 5) + "." + String.format("%02d", code & 0x1F);
	}

	/**
	 * Find the payload of a message.
	 * @param data the message
	 * @param length its length
	 * @return the offset of the first payload byte, or {@code length} when there is no payload, or -1 when the
	 * options are malformed
	 */
	public static int payloadOffset(byte[] data, int length) {
		int position = 4 + tokenLength(data);
		while (position < length) {
			int first = data[position] & 0xFF;
			if (first == PAYLOAD_MARKER) {
				return position + 1;
			}
			position++;
			int delta = first >>> 4;
			int optionLength = first & 0x0F;
			int[] extended = { position };
			delta = extend(data, length, delta, extended);
			optionLength = extend(data, length, optionLength, extended);
			if (delta < 0 || optionLength < 0) {
				return -1;
			}
			position = extended[0] + optionLength;
		}
		return (position == length) ? length : -1;
	}

	private static int extend(byte[] data, int length, int nibble, int[] position) {
		if (nibble < 13) {
			return nibble;
		}
		if (nibble == 13 && position[0] < length) {
			return (data[position[0]++] & 0xFF) + 13;
		}
		if (nibble == 14 && position[0] + 1 < length) {
			int value = (((data[position[0]] & 0xFF) << 8) | (data[position[0] + 1] & 0xFF)) + 269;
			position[0] += 2;
			return value;
		}
		return -1;
	}

	private static int writeOption(ByteArrayOutputStream out, int last, int number, byte[] value) {
		int delta = number - last;
		int deltaNibble = nibble(delta);
		int lengthNibble = nibble(value.length);
		out.write((deltaNibble << 4) | lengthNibble);
		writeExtended(out, deltaNibble, delta);
		writeExtended(out, lengthNibble, value.length);
		out.writeBytes(value);
		return number;
	}

	private static int nibble(int value) {
		return (value < 13) ? value : (value < 269) ? 13 : 14;
	}

	private static void writeExtended(ByteArrayOutputStream out, int nibble, int value) {
		if (nibble == 13) {
			out.write(value - 13);
		}
		else if (nibble == 14) {
			out.write((value - 269) >>> 8);
			out.write(value - 269);
		}
	}

	private static byte[] uint(int value) {
		if (value == 0) {
			return new byte[0];
		}
		if (value < 0x100) {
			return new byte[] { (byte) value };
		}
		return new byte[] { (byte) (value >>> 8), (byte) value };
	}

	private static List<String> segments(String path) {
		return java.util.Arrays.stream(path.split("/")).filter((segment) -> !segment.isEmpty()).toList();
	}

}
