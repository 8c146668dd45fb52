package io.coapspring.interop;

import java.nio.charset.StandardCharsets;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks that the test descriptions share, on decoded messages from the wire and on what a client shows.
 */
final class Checks {

	private Checks() {
	}

	/**
	 * "The request sent by the client contains: Type, Code".
	 */
	static void request(Request request, Type type, Code code) {
		assertThat(request.getType()).as("type of the request sent by the client").isEqualTo(type);
		assertThat(request.getCode()).as("code of the request sent by the client").isEqualTo(code);
	}

	/**
	 * "Length of the token should be between 1 to 8 Bytes".
	 */
	static void nonEmptyToken(Request request) {
		assertThat(request.getToken().length()).as("length of the client-generated token").isBetween(1, 8);
	}

	/**
	 * The response piggybacked on the ACK of a CON request: "Message ID = CMID, Token = CTOK".
	 */
	static Response piggybacked(Conversation wire, Request request) {
		Response response = wire.responseTo(request);
		assertThat(response.getType()).as("type of the response (piggybacked)").isEqualTo(Type.ACK);
		assertThat(response.getMID()).as("message ID of the response").isEqualTo(request.getMID());
		assertThat(response.getToken()).as("token of the response").isEqualTo(request.getToken());
		return response;
	}

	/**
	 * The response to a NON request: "Type = 1 (NON), Server-generated Message ID, Token = CTOK".
	 */
	static Response nonConfirmable(Conversation wire, Request request) {
		Response response = wire.responseTo(request);
		assertThat(response.getType()).as("type of the response to a NON request").isEqualTo(Type.NON);
		assertThat(response.getToken()).as("token of the response").isEqualTo(request.getToken());
		return response;
	}

	static void code(Response response, ResponseCode code) {
		assertThat(response.getCode()).as("response code").isEqualTo(code);
	}

	/**
	 * "Content-format option, Non-empty Payload".
	 */
	static void contentFormatAndPayload(Response response) {
		assertThat(response.getOptions().hasContentFormat()).as("Content-Format option of the response").isTrue();
		assertThat(response.getPayloadSize()).as("payload size of the response").isPositive();
	}

	/**
	 * "Content-format option if payload non-empty".
	 */
	static void contentFormatIfPayload(Response response) {
		if (response.getPayloadSize() > 0) {
			assertThat(response.getOptions().hasContentFormat()).as("Content-Format option of a non-empty payload")
				.isTrue();
		}
	}

	/**
	 * "Client displays the received information": the code and the payload that went over the wire.
	 */
	static void shows(PeerResponse shown, Response response) {
		shows(shown, response.getCode(), response.getPayload());
	}

	static void shows(PeerResponse shown, ResponseCode code, byte[] body) {
		assertThat(shown.code()).as("response code the client shows").isEqualTo(code.text);
		assertThat(shown.text()).as("payload the client shows").isEqualTo(new String(body, StandardCharsets.UTF_8));
	}

}
