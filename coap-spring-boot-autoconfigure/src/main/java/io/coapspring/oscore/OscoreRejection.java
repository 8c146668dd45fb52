package io.coapspring.oscore;

import java.nio.charset.StandardCharsets;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

/**
 * The reasons for which the OSCORE layer rejects a protected request, read from the error response it sends
 * (RFC 8613 section 8.2): 4.01 "Replay detected" and "Security context not found", 4.00 "Decryption failed",
 * 4.02 "Failed to decode COSE".
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
enum OscoreRejection {

	/**
	 * The request was a replay.
	 */
	REPLAY,

	/**
	 * The request failed to decrypt (wrong key or tampered message).
	 */
	DECRYPTION,

	/**
	 * The request named a security context that is not configured.
	 */
	UNKNOWN_CONTEXT,

	/**
	 * The request had a malformed OSCORE option or COSE object.
	 */
	MALFORMED;

	/**
	 * Return the reason of an OSCORE error response.
	 * @param response a response sent by the server
	 * @return the reason, or {@code null} if the response is not an OSCORE rejection
	 */
	static @Nullable OscoreRejection of(Response response) {
		ResponseCode code = response.getCode();
		if (code != ResponseCode.UNAUTHORIZED && code != ResponseCode.BAD_REQUEST
				&& code != ResponseCode.BAD_OPTION) {
			return null;
		}
		byte[] payload = response.getPayload();
		if (payload == null || payload.length == 0 || payload.length > 64) {
			return null;
		}
		return switch (new String(payload, StandardCharsets.US_ASCII)) {
			case "Replay detected" -> REPLAY;
			case "Decryption failed" -> DECRYPTION;
			case "Security context not found", "Security context not found (resend with ID Context)" ->
				UNKNOWN_CONTEXT;
			case "Failed to decode COSE" -> MALFORMED;
			default -> null;
		};
	}

}
