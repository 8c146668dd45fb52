package io.coapspring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of OSCORE (Object Security for Constrained RESTful Environments, RFC 8613), bound
 * from {@code coap.oscore.*}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.oscore")
public class CoapOscoreProperties {

	/**
	 * Whether to protect messages with OSCORE: the server's UDP endpoint and the client's UDP and DTLS endpoints get
	 * Californium's OSCORE stack. Needs org.eclipse.californium:cf-oscore on the classpath.
	 */
	private boolean enabled;

	/**
	 * Security contexts by name: one per peer, with the material both peers share.
	 */
	private Map<String, Context> contexts = new LinkedHashMap<>();

	/**
	 * Path patterns (Ant style, such as '/admin/**') of the handler methods that only answer requests protected
	 * with OSCORE, besides those annotated with @CoapOscoreRequired. An unprotected request to them is answered
	 * with 4.01 Unauthorized.
	 */
	private List<String> requiredPaths = new ArrayList<>();

	private final Sequence sequence = new Sequence();

	private final FailureLimit failureLimit = new FailureLimit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Context> getContexts() {
		return this.contexts;
	}

	public void setContexts(Map<String, Context> contexts) {
		this.contexts = contexts;
	}

	public List<String> getRequiredPaths() {
		return this.requiredPaths;
	}

	public void setRequiredPaths(List<String> requiredPaths) {
		this.requiredPaths = requiredPaths;
	}

	public Sequence getSequence() {
		return this.sequence;
	}

	public FailureLimit getFailureLimit() {
		return this.failureLimit;
	}

	/**
	 * An OSCORE security context shared with one peer.
	 */
	public static class Context {

		/**
		 * Master secret shared with the peer: hex, or base64 after the prefix 'base64:'. Keep it out of
		 * application.yml: set it from an environment variable or a secret store.
		 */
		private @Nullable String masterSecret;

		/**
		 * Master salt shared with the peer: hex, or base64 after the prefix 'base64:'. Unset for the empty salt.
		 */
		private @Nullable String masterSalt;

		/**
		 * Sender ID of this side, in hex; empty for the empty ID. The peer uses it as its recipient ID.
		 */
		private @Nullable String senderId;

		/**
		 * Recipient ID of this side (the peer's sender ID, the 'kid' of its requests), in hex; empty for the
		 * empty ID.
		 */
		private @Nullable String recipientId;

		/**
		 * ID context, in hex. Unset for none.
		 */
		private @Nullable String idContext;

		/**
		 * AEAD algorithm, as named by COSE: AES_CCM_16_64_128 (the RFC's mandatory algorithm),
		 * AES_CCM_16_128_128, AES_CCM_64_64_128, AES_CCM_64_128_128, AES_GCM_128, AES_GCM_192 or AES_GCM_256.
		 */
		private String aeadAlgorithm = "AES_CCM_16_64_128";

		/**
		 * HKDF algorithm that derives the keys: HKDF_HMAC_SHA_256 or HKDF_HMAC_SHA_512.
		 */
		private String hkdfAlgorithm = "HKDF_HMAC_SHA_256";

		/**
		 * Size of the replay window of requests received from the peer, at most 32.
		 */
		private int replayWindow = 32;

		/**
		 * URI of the peer (such as 'coap://device.example:5683') whose requests the CoapTemplate protects with
		 * this context; its host and port select the context. Unset for a context that only answers the peer's
		 * requests.
		 */
		private @Nullable String peerUri;

		public @Nullable String getMasterSecret() {
			return this.masterSecret;
		}

		public void setMasterSecret(@Nullable String masterSecret) {
			this.masterSecret = masterSecret;
		}

		public @Nullable String getMasterSalt() {
			return this.masterSalt;
		}

		public void setMasterSalt(@Nullable String masterSalt) {
			this.masterSalt = masterSalt;
		}

		public @Nullable String getSenderId() {
			return this.senderId;
		}

		public void setSenderId(@Nullable String senderId) {
			this.senderId = senderId;
		}

		public @Nullable String getRecipientId() {
			return this.recipientId;
		}

		public void setRecipientId(@Nullable String recipientId) {
			this.recipientId = recipientId;
		}

		public @Nullable String getIdContext() {
			return this.idContext;
		}

		public void setIdContext(@Nullable String idContext) {
			this.idContext = idContext;
		}

		public String getAeadAlgorithm() {
			return this.aeadAlgorithm;
		}

		public void setAeadAlgorithm(String aeadAlgorithm) {
			this.aeadAlgorithm = aeadAlgorithm;
		}

		public String getHkdfAlgorithm() {
			return this.hkdfAlgorithm;
		}

		public void setHkdfAlgorithm(String hkdfAlgorithm) {
			this.hkdfAlgorithm = hkdfAlgorithm;
		}

		public int getReplayWindow() {
			return this.replayWindow;
		}

		public void setReplayWindow(int replayWindow) {
			this.replayWindow = replayWindow;
		}

		public @Nullable String getPeerUri() {
			return this.peerUri;
		}

		public void setPeerUri(@Nullable String peerUri) {
			this.peerUri = peerUri;
		}

	}

	/**
	 * Persistence of the sender sequence numbers of the contexts of {@code coap.oscore.contexts}.
	 */
	public static class Sequence {

		/**
		 * Directory that keeps, per context, the sender sequence number up to which numbers may have been used,
		 * written before they are used, so that a restart never reuses a nonce. Unset keeps them in memory only:
		 * then every restart needs new contexts (new master secret or ID context).
		 */
		private @Nullable Path directory;

		/**
		 * Sequence numbers reserved by each write to the directory; a restart skips at most this many numbers.
		 */
		private int reserve = 1000;

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public int getReserve() {
			return this.reserve;
		}

		public void setReserve(int reserve) {
			this.reserve = reserve;
		}

	}

	/**
	 * Limit on the bad OSCORE requests (replays, wrong key, unknown kid, malformed option) a source IP address
	 * may send before its protected requests are dropped unread.
	 */
	public static class FailureLimit {

		/**
		 * Whether to drop, without decrypting or answering them, the OSCORE requests of a source IP address that
		 * sent max-failures rejected OSCORE requests within the window. Bounds the work and the log output
		 * (cf-oscore prints a stack trace for each request that fails to decrypt) a flood of bad requests causes.
		 */
		private boolean enabled = true;

		/**
		 * Rejected OSCORE requests of one source IP address within the window after which its further OSCORE
		 * requests are dropped until the window has passed.
		 */
		private int maxFailures = 10;

		/**
		 * Window that starts with the first rejected OSCORE request of a source IP address.
		 */
		private Duration window = Duration.ofMinutes(1);

		/**
		 * Most source IP addresses tracked at once; when full, the least recently seen one is forgotten.
		 */
		private int maxTrackedSources = 10000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getMaxTrackedSources() {
			return this.maxTrackedSources;
		}

		public void setMaxTrackedSources(int maxTrackedSources) {
			this.maxTrackedSources = maxTrackedSources;
		}

	}

}
