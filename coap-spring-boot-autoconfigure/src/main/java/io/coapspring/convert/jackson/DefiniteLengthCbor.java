package io.coapspring.convert.jackson;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites CBOR so that every array, map, byte string and text string has a definite length (RFC 8949 section
 * 4.1, preferred serialization): Jackson writes the maps of objects with indefinite length ({@code bf ... ff}),
 * which constrained decoders such as zcbor reject. Every other byte is kept as it is, so numbers keep the width
 * Jackson chose and tags stay where they were.
 *
 * @author CoAP Spring Boot team
 */
final class DefiniteLengthCbor {

	private static final int BREAK = 0xff;

	private final byte[] input;

	private int position;

	private DefiniteLengthCbor(byte[] input) {
		this.input = input;
	}

	/**
	 * Rewrite a sequence of CBOR data items with definite lengths.
	 * @param cbor well-formed CBOR, as Jackson writes it
	 * @return the same data items, with definite lengths only; {@code cbor} itself if it has no indefinite length
	 * @throws IllegalArgumentException if the input is not well-formed CBOR
	 */
	static byte[] rewrite(byte[] cbor) {
		DefiniteLengthCbor rewriter = new DefiniteLengthCbor(cbor);
		if (!rewriter.hasIndefiniteLength()) {
			return cbor;
		}
		rewriter.position = 0;
		ByteArrayOutputStream output = new ByteArrayOutputStream(cbor.length);
		while (rewriter.position < cbor.length) {
			rewriter.copyItem(output);
		}
		return output.toByteArray();
	}

	private boolean hasIndefiniteLength() {
		while (this.position < this.input.length) {
			if (skipItem()) {
				return true;
			}
		}
		return false;
	}

	// skips one item; returns true as soon as an indefinite length is met
	private boolean skipItem() {
		int initial = next();
		int major = initial >>> 5;
		int info = initial & 0x1f;
		if (info == 31) {
			return true;
		}
		long argument = argument(info);
		switch (major) {
			case 2, 3 -> skip(argument);
			case 4, 5 -> {
				long items = (major == 5) ? argument * 2 : argument;
				for (long i = 0; i < items; i++) {
					if (skipItem()) {
						return true;
					}
				}
			}
			case 6 -> {
				return skipItem();
			}
			default -> {
				// integers and simple values carry everything in their argument
			}
		}
		return false;
	}

	private void copyItem(ByteArrayOutputStream output) {
		int start = this.position;
		int initial = next();
		int major = initial >>> 5;
		int info = initial & 0x1f;
		if (info == 31) {
			if (major == 2 || major == 3) {
				copyChunks(major, output);
			}
			else if (major == 4 || major == 5) {
				copyContainer(major, output);
			}
			else {
				throw malformed("unexpected break or indefinite length of major type " + major);
			}
			return;
		}
		long argument = argument(info);
		switch (major) {
			case 2, 3 -> {
				skip(argument);
				output.write(this.input, start, this.position - start);
			}
			case 4, 5 -> {
				output.write(this.input, start, this.position - start);
				long items = (major == 5) ? argument * 2 : argument;
				for (long i = 0; i < items; i++) {
					copyItem(output);
				}
			}
			case 6 -> {
				output.write(this.input, start, this.position - start);
				copyItem(output);
			}
			default -> output.write(this.input, start, this.position - start);
		}
	}

	private void copyChunks(int major, ByteArrayOutputStream output) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		while (peek() != BREAK) {
			int initial = next();
			if (initial >>> 5 != major || (initial & 0x1f) == 31) {
				throw malformed("invalid chunk of an indefinite-length string");
			}
			long length = argument(initial & 0x1f);
			int start = this.position;
			skip(length);
			content.write(this.input, start, this.position - start);
		}
		next();
		writeHeader(major, content.size(), output);
		output.writeBytes(content.toByteArray());
	}

	private void copyContainer(int major, ByteArrayOutputStream output) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		long items = 0;
		while (peek() != BREAK) {
			copyItem(content);
			items++;
		}
		next();
		if (major == 5) {
			if (items % 2 != 0) {
				throw malformed("map with a key but no value");
			}
			items /= 2;
		}
		writeHeader(major, items, output);
		output.writeBytes(content.toByteArray());
	}

	private static void writeHeader(int major, long argument, ByteArrayOutputStream output) {
		int type = major << 5;
		if (argument < 24) {
			output.write(type | (int) argument);
		}
		else if (argument <= 0xff) {
			output.write(type | 24);
			output.write((int) argument);
		}
		else if (argument <= 0xffff) {
			output.write(type | 25);
			writeBigEndian(argument, 2, output);
		}
		else if (argument <= 0xffffffffL) {
			output.write(type | 26);
			writeBigEndian(argument, 4, output);
		}
		else {
			output.write(type | 27);
			writeBigEndian(argument, 8, output);
		}
	}

	private static void writeBigEndian(long value, int bytes, ByteArrayOutputStream output) {
		for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
			output.write((int) (value >>> shift) & 0xff);
		}
	}

	private long argument(int info) {
		if (info < 24) {
			return info;
		}
		int bytes = switch (info) {
			case 24 -> 1;
			case 25 -> 2;
			case 26 -> 4;
			case 27 -> 8;
			default -> throw malformed("reserved additional information " + info);
		};
		long value = 0;
		for (int i = 0; i < bytes; i++) {
			value = (value << 8) | next();
		}
		return value;
	}

	private void skip(long length) {
		if (length < 0 || length > this.input.length - this.position) {
			throw malformed("truncated string");
		}
		this.position += (int) length;
	}

	private int peek() {
		if (this.position >= this.input.length) {
			throw malformed("truncated");
		}
		return this.input[this.position] & 0xff;
	}

	private int next() {
		int value = peek();
		this.position++;
		return value;
	}

	private IllegalArgumentException malformed(String reason) {
		return new IllegalArgumentException("Malformed CBOR at byte " + this.position + ": " + reason);
	}

}
