package io.coapspring.lwm2m.autoconfigure;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads a public key from a property: Base64 of its DER SubjectPublicKeyInfo, or the same in a PEM
 * {@code PUBLIC KEY} block.
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mPublicKeys {

	private static final List<String> ALGORITHMS = List.of("EC", "Ed25519", "RSA");

	private Lwm2mPublicKeys() {
	}

	/**
	 * Decode a public key.
	 * @param text the key
	 * @return the key
	 * @throws IllegalArgumentException if the text is not a public key of a supported algorithm
	 */
	static PublicKey parse(String text) {
		String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		byte[] der;
		try {
			der = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("is not Base64 (nor a PEM 'PUBLIC KEY' block): " + ex.getMessage(), ex);
		}
		for (String algorithm : ALGORITHMS) {
			try {
				return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("is not a DER SubjectPublicKeyInfo of an " + String.join(", ", ALGORITHMS)
				+ " key");
	}

}
