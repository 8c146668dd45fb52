package io.coapspring.benchmarks.load;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapCodec}.
 */
class CoapCodecTests {

	@Test
	void encodesConGetWithTokenAndUriPath() {
		byte[] message = CoapCodec.request(CoapCodec.GET, "/hello", false, -1, null);
		CoapCodec.patch(message, 0x1234, 0x0102030405060708L);
		assertThat(message).containsExactly(0x48, 0x01, 0x12, 0x34, 1, 2, 3, 4, 5, 6, 7, 8, 0xB5, 'h', 'e', 'l',
				'l', 'o');
		assertThat(CoapCodec.type(message)).isEqualTo(CoapCodec.CON);
		assertThat(CoapCodec.messageId(message)).isEqualTo(0x1234);
		assertThat(CoapCodec.token(message)).isEqualTo(0x0102030405060708L);
		assertThat(CoapCodec.payloadOffset(message, message.length)).isEqualTo(message.length);
	}

	@Test
	void rootPathHasNoUriPathOption() {
		byte[] message = CoapCodec.request(CoapCodec.GET, "/", false, -1, null);
		assertThat(message).hasSize(4 + CoapCodec.TOKEN_LENGTH);
	}

	@Test
	void encodesObserveBeforeUriPathSegments() {
		byte[] message = CoapCodec.request(CoapCodec.GET, "/a/bc", true, -1, null);
		// Observe (6): delta 6, length 0; Uri-Path (11): delta 5 "a", delta 0 "bc"
		assertThat(message).endsWith(0x60, 0x51, 'a', 0x02, 'b', 'c');
	}

	@Test
	void encodesPostWithContentFormatAndPayload() {
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		byte[] message = CoapCodec.request(CoapCodec.POST, "/reading", false, 50, body);
		assertThat(CoapCodec.code(message)).isEqualTo(CoapCodec.POST);
		int offset = CoapCodec.payloadOffset(message, message.length);
		assertThat(new String(message, offset, message.length - offset, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
		// Uri-Path "reading" (delta 11, length 7), then Content-Format 50 (delta 1, length 1)
		assertThat(message[offset - 3]).isEqualTo((byte) 0x11);
		assertThat(message[offset - 2]).isEqualTo((byte) 50);
		assertThat(message[offset - 1]).isEqualTo((byte) 0xFF);
	}

	@Test
	void findsPayloadAfterExtendedOptionDeltaAndLength() {
		// 2.05 ACK, no token, Max-Age (14) as delta 13 + extended 1, then a 20-byte option with extended length
		byte[] options = new byte[] { (byte) 0xD1, 1, 60, (byte) 0x9D, 7 };
		byte[] message = new byte[4 + options.length + 20 + 1 + 3];
		message[0] = 0x60;
		message[1] = 0x45;
		System.arraycopy(options, 0, message, 4, options.length);
		int marker = 4 + options.length + 20;
		message[marker] = (byte) 0xFF;
		assertThat(CoapCodec.payloadOffset(message, message.length)).isEqualTo(marker + 1);
	}

	@Test
	void rejectsMalformedOptions() {
		byte[] message = new byte[] { 0x60, 0x45, 0, 1, (byte) 0xF0 };
		assertThat(CoapCodec.payloadOffset(message, message.length)).isEqualTo(-1);
	}

	@Test
	void encodesEmptyAckAndReset() {
		assertThat(CoapCodec.empty(CoapCodec.ACK, 0xABCD)).containsExactly(0x60, 0x00, 0xAB, 0xCD);
		assertThat(CoapCodec.empty(CoapCodec.RST, 1)).containsExactly(0x70, 0x00, 0x00, 0x01);
	}

	@Test
	void rendersCodes() {
		assertThat(CoapCodec.codeText(0x45)).isEqualTo("2.05");
		assertThat(CoapCodec.codeText(0x84)).isEqualTo("4.04");
		assertThat(CoapCodec.isSuccess(0x44)).isTrue();
		assertThat(CoapCodec.isSuccess(0x80)).isFalse();
	}

	@Test
	void headerValidity() {
		assertThat(CoapCodec.isValid(new byte[] { 0x40, 0, 0, 0 }, 4)).isTrue();
		assertThat(CoapCodec.isValid(new byte[] { (byte) 0x80, 0, 0, 0 }, 4)).isFalse();
		assertThat(CoapCodec.isValid(new byte[] { 0x48, 0, 0, 0 }, 4)).isFalse();
	}

}
