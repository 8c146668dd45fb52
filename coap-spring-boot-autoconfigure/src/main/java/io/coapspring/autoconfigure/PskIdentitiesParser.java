package io.coapspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.coapspring.security.InMemoryCoapPskStore;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the {@code coap.server.dtls.psk.identities} property into an {@link InMemoryCoapPskStore}: a secret
 * is UTF-8 text, or {@code base64:} followed by the Base64 encoded key bytes.
 *
 * @author CoAP Spring Boot team
 */
final class PskIdentitiesParser {

	static final String PROPERTY = "coap.server.dtls.psk.identities";

	private static final String BASE64_PREFIX = "base64:";

	private PskIdentitiesParser() {
	}

	static InMemoryCoapPskStore parse(Map<String, String> identities) {
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		identities.forEach((identity, secret) -> secrets.put(identity, decode(identity, secret)));
		return new InMemoryCoapPskStore(secrets);
	}

	private static byte[] decode(String identity, String secret) {
		if (identity.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, "", "PSK identities must not be empty");
		}
		return decodeSecret(PROPERTY + "[" + identity + "]", secret);
	}

	/**
	 * Decode a secret: UTF-8 text, or {@code base64:} followed by Base64.
	 * @param property the property that holds it, for the failure message
	 * @param secret the secret as configured
	 * @return the key bytes
	 * @throws InvalidConfigurationPropertyValueException if the secret is empty or not valid Base64
	 */
	static byte[] decodeSecret(String property, String secret) {
		byte[] bytes;
		if (secret.startsWith(BASE64_PREFIX)) {
			try {
				bytes = Base64.getDecoder().decode(secret.substring(BASE64_PREFIX.length()).strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(property, "<secret>",
						"the secret after 'base64:' is not valid Base64: " + ex.getMessage());
			}
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		if (bytes.length == 0) {
			throw new InvalidConfigurationPropertyValueException(property, "<secret>", "the secret must not be empty");
		}
		return bytes;
	}

}
