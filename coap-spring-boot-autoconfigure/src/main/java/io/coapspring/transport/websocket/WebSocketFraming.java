package io.coapspring.transport.websocket;

/**
 * Converts between the message framing of CoAP over TCP (RFC 8323 section 3.2), which Californium's TCP
 * parser and serializer use, and the framing of CoAP over WebSockets (section 4.2): the same message without
 * the length, because every message is one WebSocket binary message, so the Len nibble is 0 and there is no
 * extended length.
 *
 * @author CoAP Spring Boot team
 */
final class WebSocketFraming {

	private static final int MAX_TOKEN_LENGTH = 8;

	private WebSocketFraming() {
	}

	/**
	 * Remove the length of a TCP-framed message.
	 * @param tcp the message in TCP framing
	 * @return the message in WebSocket framing
	 */
	static byte[] toWebSocket(byte[] tcp) {
		int first = tcp[0] & 0xFF;
		int extended = extendedLengthSize(first >>> 4);
		byte[] ws = new byte[tcp.length - extended];
		ws[0] = (byte) (first & 0x0F);
		System.arraycopy(tcp, 1 + extended, ws, 1, tcp.length - 1 - extended);
		return ws;
	}

	/**
	 * Add the length to a WebSocket-framed message.
	 * @param ws the message as received in one binary WebSocket message
	 * @return the message in TCP framing
	 * @throws IllegalArgumentException if the message is malformed: shorter than its header, with a Len other
	 * than 0 or a reserved token length
	 */
	static byte[] toTcp(byte[] ws) {
		if (ws.length < 2) {
			throw new IllegalArgumentException("message of " + ws.length + " bytes is shorter than a CoAP header");
		}
		int first = ws[0] & 0xFF;
		int tokenLength = first & 0x0F;
		if ((first >>> 4) != 0) {
			throw new IllegalArgumentException("Len must be 0 over WebSockets (RFC 8323 section 4.2)");
		}
		if (tokenLength > MAX_TOKEN_LENGTH) {
			throw new IllegalArgumentException("token length " + tokenLength + " is reserved");
		}
		if (ws.length < 2 + tokenLength) {
			throw new IllegalArgumentException("message of " + ws.length + " bytes is shorter than its token");
		}
		int length = ws.length - 2 - tokenLength;
		int nibble;
		int extended;
		if (length < 13) {
			nibble = length;
			extended = 0;
		}
		else if (length < 269) {
			nibble = 13;
			extended = 1;
		}
		else if (length < 65805) {
			nibble = 14;
			extended = 2;
		}
		else {
			nibble = 15;
			extended = 4;
		}
		byte[] tcp = new byte[ws.length + extended];
		tcp[0] = (byte) ((nibble << 4) | tokenLength);
		long value = switch (extended) {
			case 1 -> length - 13;
			case 2 -> length - 269;
			default -> length - 65805L;
		};
		for (int i = 0; i < extended; i++) {
			tcp[1 + i] = (byte) (value >>> (8 * (extended - 1 - i)));
		}
		System.arraycopy(ws, 1, tcp, 1 + extended, ws.length - 1);
		return tcp;
	}

	/**
	 * Return the code of a WebSocket-framed message.
	 * @param ws the message, at least 2 bytes
	 * @return the code byte
	 */
	static int code(byte[] ws) {
		return ws[1] & 0xFF;
	}

	private static int extendedLengthSize(int nibble) {
		return (nibble < 13) ? 0 : (nibble == 13) ? 1 : (nibble == 14) ? 2 : 4;
	}

}
