package io.coapspring.autoconfigure;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import io.coapspring.oscore.PersistentSequenceContext;
import io.coapspring.oscore.SenderSequenceFile;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.cose.AlgorithmID;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.oscore.HashMapCtxDB;
import org.eclipse.californium.oscore.OSCoreCtx;
import org.eclipse.californium.oscore.OSException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the OSCORE security context database from {@code coap.oscore.contexts.*}, validating every property
 * and naming the one that is wrong.
 *
 * @author CoAP Spring Boot team
 */
final class OscoreContextsLoader {

	private static final String PREFIX = "coap.oscore.contexts.";

	private static final String BASE64 = "base64:";

	private static final Set<String> AEAD_ALGORITHMS = Set.of("AES_CCM_16_64_128", "AES_CCM_16_128_128",
			"AES_CCM_64_64_128", "AES_CCM_64_128_128", "AES_GCM_128", "AES_GCM_192", "AES_GCM_256");

	private static final Set<String> HKDF_ALGORITHMS = Set.of("HKDF_HMAC_SHA_256", "HKDF_HMAC_SHA_512");

	private final CoapOscoreProperties properties;

	private final Configuration configuration;

	OscoreContextsLoader(CoapOscoreProperties properties, Configuration configuration) {
		this.properties = properties;
		this.configuration = configuration;
	}

	HashMapCtxDB load() {
		CoapOscoreProperties.Sequence sequence = this.properties.getSequence();
		if (sequence.getReserve() < 1) {
			throw new InvalidConfigurationPropertyValueException("coap.oscore.sequence.reserve",
					sequence.getReserve(), "must be at least 1");
		}
		HashMapCtxDB db = new HashMapCtxDB();
		Set<String> recipients = new HashSet<>();
		for (Map.Entry<String, CoapOscoreProperties.Context> entry : this.properties.getContexts().entrySet()) {
			String name = entry.getKey();
			CoapOscoreProperties.Context context = entry.getValue();
			OSCoreCtx ctx = create(name, context, sequence);
			String prefix = PREFIX + name + ".";
			if (!recipients.add(ctx.getRecipientIdString() + "/" + ctx.getContextIdString())) {
				throw new InvalidConfigurationPropertyValueException(prefix + "recipient-id",
						context.getRecipientId(), "another context has the same recipient ID and ID context");
			}
			if (context.getPeerUri() != null) {
				try {
					db.addContext(context.getPeerUri(), ctx);
				}
				catch (OSException | RuntimeException ex) {
					throw new InvalidConfigurationPropertyValueException(prefix + "peer-uri", context.getPeerUri(),
							"not a URI with a host: " + ex.getMessage());
				}
			}
			else {
				db.addContext(ctx);
			}
		}
		return db;
	}

	private OSCoreCtx create(String name, CoapOscoreProperties.Context context,
			CoapOscoreProperties.Sequence sequence) {
		String prefix = PREFIX + name + ".";
		byte[] secret = secret(prefix + "master-secret", required(prefix + "master-secret", context.getMasterSecret()));
		byte[] salt = (context.getMasterSalt() != null) ? secret(prefix + "master-salt", context.getMasterSalt())
				: null;
		byte[] senderId = hex(prefix + "sender-id", required(prefix + "sender-id", context.getSenderId()));
		byte[] recipientId = hex(prefix + "recipient-id", required(prefix + "recipient-id", context.getRecipientId()));
		byte[] idContext = (context.getIdContext() != null) ? hex(prefix + "id-context", context.getIdContext())
				: null;
		AlgorithmID aead = algorithm(prefix + "aead-algorithm", context.getAeadAlgorithm(), AEAD_ALGORITHMS);
		AlgorithmID hkdf = algorithm(prefix + "hkdf-algorithm", context.getHkdfAlgorithm(), HKDF_ALGORITHMS);
		if (context.getReplayWindow() < 1 || context.getReplayWindow() > 32) {
			throw new InvalidConfigurationPropertyValueException(prefix + "replay-window", context.getReplayWindow(),
					"must be between 1 and 32");
		}
		if (context.getPeerUri() != null && !context.getPeerUri().startsWith("coap://")
				&& !context.getPeerUri().startsWith("coaps://")) {
			throw new InvalidConfigurationPropertyValueException(prefix + "peer-uri", context.getPeerUri(),
					"must be a coap:// or coaps:// URI");
		}
		// RFC 8613 section 3.3: the IDs must fit the nonce
		int maxIdLength = ((aead == AlgorithmID.AES_CCM_64_64_128 || aead == AlgorithmID.AES_CCM_64_128_128) ? 7 : 13)
				- 6;
		checkIdLength(prefix + "sender-id", senderId, maxIdLength);
		checkIdLength(prefix + "recipient-id", recipientId, maxIdLength);
		boolean client = context.getPeerUri() != null;
		int maxUnfragmented = this.configuration.get(CoapConfig.MAX_RESOURCE_BODY_SIZE);
		try {
			Path directory = sequence.getDirectory();
			if (directory == null) {
				return new OSCoreCtx(secret, client, aead, senderId, recipientId, hkdf, context.getReplayWindow(), salt,
						idContext, maxUnfragmented);
			}
			return new PersistentSequenceContext(secret, client, aead, senderId, recipientId, hkdf,
					context.getReplayWindow(), salt, idContext, maxUnfragmented, new SenderSequenceFile(directory, name),
					sequence.getReserve());
		}
		catch (OSException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix + "master-secret", "<secret>",
					"the keys cannot be derived: " + ex.getMessage());
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException("coap.oscore.sequence.directory",
					sequence.getDirectory(), ex.getMessage());
		}
	}

	private static void checkIdLength(String property, byte[] id, int max) {
		if (id.length > max) {
			throw new InvalidConfigurationPropertyValueException(property, HexFormat.of().formatHex(id),
					"is longer than the " + max + " bytes the AEAD algorithm's nonce allows (RFC 8613 section 3.3)");
		}
	}

	private static String required(String property, @Nullable String value) {
		if (value == null) {
			throw new InvalidConfigurationPropertyValueException(property, null,
					"is required: set it (in hex, or empty for the empty ID where an ID is meant)");
		}
		return value;
	}

	private static byte[] secret(String property, String value) {
		if (value.startsWith(BASE64)) {
			try {
				return Base64.getDecoder().decode(value.substring(BASE64.length()).trim());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(property, "<secret>",
						"is not valid base64 after the prefix 'base64:'");
			}
		}
		byte[] bytes = hexBytes(value);
		if (bytes == null) {
			throw new InvalidConfigurationPropertyValueException(property, "<secret>",
					"must be hex (an even number of hex digits), or base64 after the prefix 'base64:'");
		}
		if (bytes.length == 0) {
			throw new InvalidConfigurationPropertyValueException(property, "<secret>", "must not be empty");
		}
		return bytes;
	}

	private static byte[] hex(String property, String value) {
		byte[] bytes = hexBytes(value);
		if (bytes == null) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"must be hex: an even number of hex digits");
		}
		return bytes;
	}

	private static byte @Nullable [] hexBytes(String value) {
		String trimmed = value.trim();
		try {
			return HexFormat.of().parseHex(trimmed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static AlgorithmID algorithm(String property, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"must be one of " + allowed.stream().sorted().toList());
		}
		return AlgorithmID.valueOf(value);
	}

}
