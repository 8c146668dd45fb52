package io.coapspring.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A seeded generator of malformed or hostile CoAP datagrams, one {@link Kind} at a time. The same seed
 * gives the same datagrams, so a failure can be replayed.
 */
public final class HostileDatagrams {

	/** Largest UDP payload over IPv4. */
	public static final int MAX_DATAGRAM = 65_507;

	private static final int URI_HOST = 3;

	private static final int OBSERVE = 6;

	private static final int URI_PATH = 11;

	private static final int CONTENT_FORMAT = 12;

	private static final int ACCEPT = 17;

	private static final int BLOCK2 = 23;

	private static final int BLOCK1 = 27;

	private static final int SIZE2 = 28;

	private static final int PROXY_URI = 35;

	private static final int PROXY_SCHEME = 39;

	private static final int SIZE1 = 60;

	private final Random random;

	public HostileDatagrams(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The kinds of hostile datagram.
	 */
	public enum Kind {

		/** Random bytes of random length, up to 1,500. */
		RANDOM_BYTES,
		/** One to three bytes: less than the 4-byte header. */
		TRUNCATED_HEADER,
		/** A request whose version is 0, 2 or 3. */
		BAD_VERSION,
		/** A header announcing a token of 9 to 15 bytes (reserved lengths). */
		TOKEN_LENGTH_9_TO_15,
		/** An option whose delta or length nibble is the reserved 15. */
		RESERVED_OPTION_NIBBLE,
		/** An option whose length runs past the end of the datagram. */
		OPTION_PAST_END,
		/** A payload marker with no payload after it. */
		PAYLOAD_MARKER_WITHOUT_PAYLOAD,
		/** A request with an unknown critical (odd) option. */
		UNKNOWN_CRITICAL_OPTION,
		/** A request with a 1,000-byte Uri-Path segment. */
		LONG_PATH_SEGMENT,
		/** A request with hundreds of Uri-Path segments. */
		MANY_PATH_SEGMENTS,
		/** A Block1 or Block2 option with the reserved size exponent 7. */
		RESERVED_BLOCK_SIZE,
		/** A Block1 or Block2 option with a block number near 2^20. */
		HUGE_BLOCK_NUMBER,
		/** Observe values that are too long or random. */
		GARBAGE_OBSERVE,
		/** Content-Format and Accept values that are too long or unknown. */
		GARBAGE_CONTENT_FORMAT,
		/** A response code (2.05, 4.04, 5.00, ...) sent as a CON or NON message with a fresh message ID. */
		RESPONSE_CODE_AS_REQUEST,
		/** An empty message (code 0.00) that carries a token or a payload. */
		EMPTY_WITH_TOKEN_OR_PAYLOAD,
		/** An ACK or RST for a message ID the server never sent. */
		STRAY_ACK_OR_RST,
		/** Random bytes, including invalid UTF-8, in Proxy-Uri, Proxy-Scheme and Uri-Host. */
		GARBAGE_PROXY_URI_OR_URI_HOST,
		/** A request with a reserved method code (0.05 to 0.31) or a reserved class (1, 6, 7). */
		RESERVED_CODE,
		/** Size1/Size2 claiming gigabytes, with a Block1 payload. */
		HUGE_SIZE_OPTIONS,
		/** A datagram of the largest UDP size, well-formed header and a huge payload. */
		MAX_SIZE_DATAGRAM

	}

	/**
	 * Return the next datagram of the given kind.
	 * @param kind the kind
	 * @return the datagram bytes
	 */
	public byte[] next(Kind kind) {
		return switch (kind) {
			case RANDOM_BYTES -> randomBytes(this.random.nextInt(1501));
			case TRUNCATED_HEADER -> randomBytes(1 + this.random.nextInt(3));
			case BAD_VERSION -> badVersion();
			case TOKEN_LENGTH_9_TO_15 -> tokenLength9To15();
			case RESERVED_OPTION_NIBBLE -> reservedOptionNibble();
			case OPTION_PAST_END -> optionPastEnd();
			case PAYLOAD_MARKER_WITHOUT_PAYLOAD -> payloadMarkerWithoutPayload();
			case UNKNOWN_CRITICAL_OPTION -> unknownCriticalOption();
			case LONG_PATH_SEGMENT -> request(anyType(), 1, (out) -> option(out, 0, URI_PATH, fill(1000, 'a')));
			case MANY_PATH_SEGMENTS -> manyPathSegments();
			case RESERVED_BLOCK_SIZE -> reservedBlockSize();
			case HUGE_BLOCK_NUMBER -> hugeBlockNumber();
			case GARBAGE_OBSERVE -> garbageObserve();
			case GARBAGE_CONTENT_FORMAT -> garbageContentFormat();
			case RESPONSE_CODE_AS_REQUEST -> responseCodeAsRequest();
			case EMPTY_WITH_TOKEN_OR_PAYLOAD -> emptyWithTokenOrPayload();
			case STRAY_ACK_OR_RST -> strayAckOrRst();
			case GARBAGE_PROXY_URI_OR_URI_HOST -> garbageProxyUriOrUriHost();
			case RESERVED_CODE -> reservedCode();
			case HUGE_SIZE_OPTIONS -> hugeSizeOptions();
			case MAX_SIZE_DATAGRAM -> maxSizeDatagram();
		};
	}

	private byte[] badVersion() {
		int[] versions = { 0, 2, 3 };
		byte[] bytes = request(0, 1, (out) -> option(out, 0, URI_PATH, ascii("whoami")));
		bytes[0] = (byte) ((versions[this.random.nextInt(3)] << 6) | (bytes[0] & 0x3F));
		return bytes;
	}

	private byte[] tokenLength9To15() {
		int tkl = 9 + this.random.nextInt(7);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write((1 << 6) | (anyType() << 4) | tkl);
		out.write(1);
		writeMid(out);
		out.writeBytes(randomBytes(this.random.nextInt(20)));
		return out.toByteArray();
	}

	private byte[] reservedOptionNibble() {
		ByteArrayOutputStream out = header(anyType(), 1, randomBytes(this.random.nextInt(9)));
		boolean deltaReserved = this.random.nextBoolean();
		int nibbles = deltaReserved ? (0xF0 | this.random.nextInt(15)) : ((1 + this.random.nextInt(14)) << 4) | 0x0F;
		out.write(nibbles);
		out.writeBytes(randomBytes(this.random.nextInt(8)));
		return out.toByteArray();
	}

	private byte[] optionPastEnd() {
		ByteArrayOutputStream out = header(anyType(), 1, randomBytes(this.random.nextInt(9)));
		int form = this.random.nextInt(3);
		if (form == 0) {
			out.write((URI_PATH << 4) | 12);
			out.writeBytes(randomBytes(this.random.nextInt(12)));
		}
		else if (form == 1) {
			out.write((URI_PATH << 4) | 13);
			out.write(200);
			out.writeBytes(randomBytes(this.random.nextInt(100)));
		}
		else {
			out.write((URI_PATH << 4) | 14);
			out.write(0xFF);
			out.write(0x00);
			out.writeBytes(randomBytes(this.random.nextInt(300)));
		}
		return out.toByteArray();
	}

	private byte[] payloadMarkerWithoutPayload() {
		byte[] bytes = request(anyType(), 1 + this.random.nextInt(4),
				(out) -> option(out, 0, URI_PATH, ascii("whoami")));
		byte[] marked = Arrays.copyOf(bytes, bytes.length + 1);
		marked[bytes.length] = (byte) 0xFF;
		return marked;
	}

	private byte[] unknownCriticalOption() {
		int[] critical = { 9, 13, 19, 25, 29, 41, 61, 65001, 2049, 64999 };
		int number = critical[this.random.nextInt(critical.length)];
		return request(anyType(), 1, (out) -> {
			int last = option(out, 0, URI_PATH, ascii("whoami"));
			option(out, last, number, randomBytes(this.random.nextInt(20)));
		});
	}

	private byte[] manyPathSegments() {
		int segments = 200 + this.random.nextInt(500);
		return request(anyType(), 1, (out) -> {
			int last = 0;
			for (int i = 0; i < segments; i++) {
				last = option(out, last, URI_PATH, ascii(Integer.toString(i % 10)));
			}
		});
	}

	private byte[] reservedBlockSize() {
		int number = this.random.nextBoolean() ? BLOCK1 : BLOCK2;
		int blockValue = (this.random.nextInt(16) << 4) | (this.random.nextBoolean() ? 0x08 : 0) | 7;
		return request(anyType(), number == BLOCK1 ? 2 : 1, (out) -> {
			int last = option(out, 0, URI_PATH, ascii("whoami"));
			option(out, last, number, new byte[] { (byte) blockValue });
		}, (number == BLOCK1) ? randomBytes(64) : null);
	}

	private byte[] hugeBlockNumber() {
		int number = this.random.nextBoolean() ? BLOCK1 : BLOCK2;
		int num = (1 << 20) - 1 - this.random.nextInt(1000);
		int szx = this.random.nextInt(7);
		int value = (num << 4) | (this.random.nextBoolean() ? 0x08 : 0) | szx;
		byte[] encoded = { (byte) (value >> 16), (byte) (value >> 8), (byte) value };
		return request(anyType(), number == BLOCK1 ? 3 : 1, (out) -> {
			int last = option(out, 0, URI_PATH, ascii("whoami"));
			option(out, last, number, encoded);
		}, (number == BLOCK1) ? randomBytes(16 << szx) : null);
	}

	private byte[] garbageObserve() {
		byte[] value = randomBytes(this.random.nextBoolean() ? 4 + this.random.nextInt(5) : this.random.nextInt(4));
		return request(anyType(), 1, (out) -> {
			int last = option(out, 0, OBSERVE, value);
			option(out, last, URI_PATH, ascii("whoami"));
		});
	}

	private byte[] garbageContentFormat() {
		byte[] format = randomBytes(this.random.nextBoolean() ? 3 + this.random.nextInt(6) : 2);
		byte[] accept = randomBytes(this.random.nextInt(6));
		return request(anyType(), 2, (out) -> {
			int last = option(out, 0, URI_PATH, ascii("whoami"));
			last = option(out, last, CONTENT_FORMAT, format);
			option(out, last, ACCEPT, accept);
		}, randomBytes(1 + this.random.nextInt(64)));
	}

	private byte[] responseCodeAsRequest() {
		int[] codes = { 0x41, 0x44, 0x45, 0x5F, 0x84, 0x8D, 0xA0, 0xA5 };
		ByteArrayOutputStream out = header(this.random.nextInt(2), codes[this.random.nextInt(codes.length)],
				randomBytes(this.random.nextInt(9)));
		if (this.random.nextBoolean()) {
			out.write(0xFF);
			out.writeBytes(randomBytes(1 + this.random.nextInt(100)));
		}
		return out.toByteArray();
	}

	private byte[] emptyWithTokenOrPayload() {
		boolean token = this.random.nextBoolean();
		ByteArrayOutputStream out = header(anyType(), 0, token ? randomBytes(1 + this.random.nextInt(8)) : new byte[0]);
		if (!token || this.random.nextBoolean()) {
			out.write(0xFF);
			out.writeBytes(randomBytes(1 + this.random.nextInt(64)));
		}
		return out.toByteArray();
	}

	private byte[] strayAckOrRst() {
		ByteArrayOutputStream out = header(2 + this.random.nextInt(2), 0, new byte[0]);
		return out.toByteArray();
	}

	private byte[] garbageProxyUriOrUriHost() {
		int which = this.random.nextInt(3);
		byte[] value = randomBytes(1 + this.random.nextInt(255));
		return request(anyType(), 1, (out) -> {
			if (which == 0) {
				option(out, 0, URI_HOST, value);
			}
			else if (which == 1) {
				option(out, 0, PROXY_URI, value);
			}
			else {
				int last = option(out, 0, URI_PATH, ascii("whoami"));
				option(out, last, PROXY_SCHEME, value);
			}
		});
	}

	private byte[] reservedCode() {
		int code = this.random.nextBoolean() ? 5 + this.random.nextInt(27)
				: (new int[] { 1, 6, 7 }[this.random.nextInt(3)] << 5) | this.random.nextInt(32);
		return request(anyType(), code, (out) -> option(out, 0, URI_PATH, ascii("whoami")));
	}

	private byte[] hugeSizeOptions() {
		return request(anyType(), 2, (out) -> {
			int last = option(out, 0, URI_PATH, ascii("whoami"));
			last = option(out, last, BLOCK1, new byte[] { 0x0E });
			last = option(out, last, SIZE2, new byte[] { 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
			option(out, last, SIZE1, new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
		}, randomBytes(1024));
	}

	private byte[] maxSizeDatagram() {
		if (this.random.nextBoolean()) {
			return randomBytes(MAX_DATAGRAM);
		}
		byte[] head = request(anyType(), 2, (out) -> option(out, 0, URI_PATH, ascii("whoami")));
		byte[] bytes = Arrays.copyOf(head, MAX_DATAGRAM);
		bytes[head.length] = (byte) 0xFF;
		for (int i = head.length + 1; i < bytes.length; i++) {
			bytes[i] = (byte) 'x';
		}
		return bytes;
	}

	// encoding

	private interface Options {

		void write(ByteArrayOutputStream out);

	}

	private byte[] request(int type, int code, Options options) {
		return request(type, code, options, null);
	}

	private byte[] request(int type, int code, Options options, byte[] payload) {
		ByteArrayOutputStream out = header(type, code, randomBytes(this.random.nextInt(9)));
		options.write(out);
		if (payload != null && payload.length > 0) {
			out.write(0xFF);
			out.writeBytes(payload);
		}
		return out.toByteArray();
	}

	private ByteArrayOutputStream header(int type, int code, byte[] token) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write((1 << 6) | (type << 4) | token.length);
		out.write(code);
		writeMid(out);
		out.writeBytes(token);
		return out;
	}

	private void writeMid(ByteArrayOutputStream out) {
		int mid = this.random.nextInt(0x10000);
		out.write(mid >> 8);
		out.write(mid);
	}

	/**
	 * Write an option after the option numbered {@code last}.
	 * @return the number of the option written
	 */
	private static int option(ByteArrayOutputStream out, int last, int number, byte[] value) {
		int delta = number - last;
		int length = value.length;
		out.write((nibble(delta) << 4) | nibble(length));
		extended(out, delta);
		extended(out, length);
		out.writeBytes(value);
		return number;
	}

	private static int nibble(int value) {
		return (value < 13) ? value : (value < 269) ? 13 : 14;
	}

	private static void extended(ByteArrayOutputStream out, int value) {
		if (value >= 269) {
			out.write((value - 269) >> 8);
			out.write(value - 269);
		}
		else if (value >= 13) {
			out.write(value - 13);
		}
	}

	private int anyType() {
		return this.random.nextInt(2);
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] fill(int length, char c) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) c);
		return bytes;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
