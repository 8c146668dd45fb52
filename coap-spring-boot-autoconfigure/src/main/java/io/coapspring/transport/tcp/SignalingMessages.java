package io.coapspring.transport.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the RFC 8323 signaling messages (section 5) in the TCP framing of section 3.2: CSM, Ping, Pong and
 * Abort. The WebSocket transport strips the length from these frames (section 4.2).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class SignalingMessages {

	/** 7.01 Capabilities and Settings Message. */
	public static final int CSM = 0xE1;

	/** 7.02 Ping. */
	public static final int PING = 0xE2;

	/** 7.03 Pong. */
	public static final int PONG = 0xE3;

	/** 7.04 Release. */
	public static final int RELEASE = 0xE4;

	/** 7.05 Abort. */
	public static final int ABORT = 0xE5;

	/** Max-Message-Size option of a CSM. */
	public static final int MAX_MESSAGE_SIZE = 2;

	/** Block-Wise-Transfer option of a CSM. */
	public static final int BLOCK_WISE_TRANSFER = 4;

	/** Custody option of a Ping or Pong. */
	public static final int CUSTODY = 2;

	/** Bad-CSM-Option option of an Abort. */
	public static final int BAD_CSM_OPTION = 2;

	/**
	 * The Max-Message-Size a peer is assumed to accept until its CSM says otherwise (RFC 8323 section 5.3.1).
	 */
	public static final int DEFAULT_MAX_MESSAGE_SIZE = 1152;

	private SignalingMessages() {
	}

	/**
	 * A CSM with the given Max-Message-Size and, if asked, the Block-Wise-Transfer option.
	 * @param maxMessageSize the largest message accepted, in bytes
	 * @param blockWise whether to announce block-wise transfers
	 * @return the frame
	 */
	public static byte[] csm(int maxMessageSize, boolean blockWise) {
		Options options = new Options().add(MAX_MESSAGE_SIZE, uint(maxMessageSize));
		if (blockWise) {
			options.add(BLOCK_WISE_TRANSFER, new byte[0]);
		}
		return frame(CSM, new byte[0], options.bytes(), new byte[0]);
	}

	/**
	 * A Ping with the given token.
	 * @param token the token
	 * @return the frame
	 */
	public static byte[] ping(byte[] token) {
		return frame(PING, token, new byte[0], new byte[0]);
	}

	/**
	 * A Pong answering a Ping.
	 * @param token the Ping's token
	 * @param custody whether the Ping carried the Custody option
	 * @return the frame
	 */
	public static byte[] pong(byte[] token, boolean custody) {
		Options options = new Options();
		if (custody) {
			options.add(CUSTODY, new byte[0]);
		}
		return frame(PONG, token, options.bytes(), new byte[0]);
	}

	/**
	 * An Abort with a diagnostic payload and, for a CSM option that could not be processed, its number.
	 * @param diagnostic the reason, in English
	 * @param badCsmOption the number of the option of the peer's CSM, or -1
	 * @return the frame
	 */
	public static byte[] abort(String diagnostic, int badCsmOption) {
		Options options = new Options();
		if (badCsmOption >= 0) {
			options.add(BAD_CSM_OPTION, uint(badCsmOption));
		}
		return frame(ABORT, new byte[0], options.bytes(), diagnostic.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] frame(int code, byte[] token, byte[] options, byte[] payload) {
		int length = options.length + ((payload.length > 0) ? payload.length + 1 : 0);
		ByteArrayOutputStream frame = new ByteArrayOutputStream(6 + token.length + length);
		if (length < 13) {
			frame.write((length << 4) | token.length);
		}
		else if (length < 269) {
			frame.write((13 << 4) | token.length);
			frame.write(length - 13);
		}
		else {
			frame.write((14 << 4) | token.length);
			frame.write((length - 269) >>> 8);
			frame.write(length - 269);
		}
		frame.write(code);
		frame.writeBytes(token);
		frame.writeBytes(options);
		if (payload.length > 0) {
			frame.write(0xFF);
			frame.writeBytes(payload);
		}
		return frame.toByteArray();
	}

	private static byte[] uint(long value) {
		int length = 0;
		for (long rest = value; rest != 0; rest >>>= 8) {
			length++;
		}
		byte[] bytes = new byte[length];
		for (int i = length - 1; i >= 0; i--) {
			bytes[i] = (byte) (value >>> (8 * (length - 1 - i)));
		}
		return bytes;
	}

	/**
	 * Options in ascending order, encoded with deltas as in RFC 7252 section 3.1.
	 */
	private static final class Options {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private int last;

		Options add(int number, byte[] value) {
			int delta = number - this.last;
			this.last = number;
			int deltaNibble = nibble(delta);
			int lengthNibble = nibble(value.length);
			this.bytes.write((deltaNibble << 4) | lengthNibble);
			extended(deltaNibble, delta);
			extended(lengthNibble, value.length);
			this.bytes.writeBytes(value);
			return this;
		}

		private static int nibble(int value) {
			return (value < 13) ? value : (value < 269) ? 13 : 14;
		}

		private void extended(int nibble, int value) {
			if (nibble == 13) {
				this.bytes.write(value - 13);
			}
			else if (nibble == 14) {
				this.bytes.write((value - 269) >>> 8);
				this.bytes.write(value - 269);
			}
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
