package io.coapspring.oscore;

import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Counts the OSCORE traffic of the server's endpoints: requests that arrive with an OSCORE option, and the
 * requests the OSCORE layer rejects, by reason, read from the error responses it sends (RFC 8613 section 8.2:
 * 4.01 "Replay detected" and "Security context not found", 4.00 "Decryption failed", 4.02 "Failed to decode
 * COSE"), plus the unprotected requests to handler methods that require OSCORE and the protected requests dropped
 * by the {@link OscoreFailureLimiter}. Add it to each endpoint as a
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

	private final LongAdder throttled = new LongAdder();

	@Override
	public void receiveRequest(Request request) {
		if (request.getOptions().hasOscore()) {
			this.received.increment();
		}
	}

	@Override
	public void sendResponse(Response response) {
		OscoreRejection rejection = OscoreRejection.of(response);
		if (rejection == null) {
			return;
		}
		switch (rejection) {
			case REPLAY -> this.replays.increment();
			case DECRYPTION -> this.decryptionFailures.increment();
			case UNKNOWN_CONTEXT -> this.unknownContexts.increment();
			case MALFORMED -> this.malformed.increment();
		}
	}

	/**
	 * Count a protected request dropped unread because its source sent too many bad OSCORE requests.
	 */
	void throttled() {
		this.throttled.increment();
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

	/**
	 * Return how many protected requests were dropped without being decrypted because their source had
	 * exceeded {@code coap.oscore.failure-limit.max-failures}.
	 * @return the count
	 */
	public long getThrottled() {
		return this.throttled.sum();
	}

}
