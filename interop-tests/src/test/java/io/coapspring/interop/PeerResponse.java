package io.coapspring.interop;

import java.nio.charset.StandardCharsets;

/**
 * What a client shows of a response: its code and its payload (libcoap's command line shows no more; the
 * options are checked on the wire).
 *
 * @param code the response code as the client shows it, for instance {@code 2.05}
 * @param payload the payload, reassembled from blocks by the client
 */
record PeerResponse(String code, byte[] payload) {

	String text() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return this.code + " " + text();
	}

}
