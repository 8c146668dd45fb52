package io.coapspring.oscore;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Counts the OSCORE traffic of the server's endpoints: requests that arrive with an OSCORE option, and the
 * requests the OSCORE layer rejects, by reason, read from the error responses it sends (RFC 8613 section 8.2:
 * 4.01 "Replay detected" and "Security context not found", 4.00 "Decryption failed", 4.02 "Failed to decode
 * COSE"), plus the unprotected requests to handler methods that require OSCORE. Add it to each endpoint as a
 * message interceptor; it sees the messages below the OSCORE layer.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreCounters extends MessageInterceptorAdapter {

	private final LongAdder received = new LongAdder();

	private final LongAdder replays = new LongAdder();

	private final LongAdder decryptionFailures = new LongAdder();

	private final LongAdder unknownContexts = new LongAdder();

	private final LongAdder malformed = new LongAdder();

	private final LongAdder unprotected = new LongAdder();

	@Override
	public void receiveRequest(Request request) {
		if (request.getOptions().hasOscore()) {
			this.received.increment();
		}
	}

	@Override
	public void sendResponse(Response response) {
		ResponseCode code = response.getCode();
		if (code != ResponseCode.UNAUTHORIZED && code != ResponseCode.BAD_REQUEST
				&& code != ResponseCode.BAD_OPTION) {
			return;
		}
		byte[] payload = response.getPayload();
		if (payload == null || payload.length == 0 || payload.length > 64) {
			return;
		}
		switch (new String(payload, StandardCharsets.US_ASCII)) {
			case "Replay detected" -> this.replays.increment();
			case "Decryption failed" -> this.decryptionFailures.increment();
			case "Security context not found", "Security context not found (resend with ID Context)" ->
				this.unknownContexts.increment();
			case "Failed to decode COSE" -> this.malformed.increment();
			default -> {
				// another 4.xx
			}
		}
	}

	/**
	 * Count an unprotected request to a handler method that requires OSCORE.
	 */
	void unprotectedRejected() {
		this.unprotected.increment();
	}

	/**
	 * Return how many requests arrived with an OSCORE option.
	 * @return the count
	 */
	public long getReceived() {
		return this.received.sum();
	}

	/**
	 * Return how many protected requests were rejected as replays.
	 * @return the count
	 */
	public long getReplays() {
		return this.replays.sum();
	}

	/**
	 * Return how many protected requests failed to decrypt (wrong key or tampered message).
	 * @return the count
	 */
	public long getDecryptionFailures() {
		return this.decryptionFailures.sum();
	}

	/**
	 * Return how many protected requests named a security context (kid, ID context) that is not configured.
	 * @return the count
	 */
	public long getUnknownContexts() {
		return this.unknownContexts.sum();
	}

	/**
	 * Return how many protected requests had a malformed OSCORE option or COSE object.
	 * @return the count
	 */
	public long getMalformed() {
		return this.malformed.sum();
	}

	/**
	 * Return how many unprotected requests to handler methods that require OSCORE were answered with 4.01.
	 * @return the count
	 */
	public long getUnprotected() {
		return this.unprotected.sum();
	}

}
