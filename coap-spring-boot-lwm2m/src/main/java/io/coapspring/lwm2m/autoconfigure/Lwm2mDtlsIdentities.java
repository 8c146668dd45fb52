package io.coapspring.lwm2m.autoconfigure;

import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import io.coapspring.security.SslBundleKeyMaterial;
import org.eclipse.leshan.server.security.EditableSecurityStore;
import org.eclipse.leshan.server.security.NonUniqueSecurityInfoException;
import org.eclipse.leshan.server.security.SecurityInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/**
 * Turns {@link Lwm2mDtlsProperties} into DTLS identities, for the LWM2M server and the bootstrap server alike: the
 * clients' pre-shared keys, raw public keys and X.509 endpoint names into a Leshan security store (each checked
 * first, failing with the name of the bad property), and the server's own key and certificates from its SSL
 * bundle.
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mDtlsIdentities {

	private Lwm2mDtlsIdentities() {
	}

	/**
	 * Check every key, failing with the name of the first bad property.
	 * @param prefix the map's property, for instance {@code coap.lwm2m.server.dtls.psk}
	 * @param keys the keys by endpoint name
	 */
	static void validate(String prefix, Map<String, Lwm2mDtlsProperties.Psk> keys) {
		keys.forEach((endpoint, psk) -> validate(prefix + "." + endpoint, psk));
	}

	/**
	 * Check one key.
	 * @param prefix the key's property, for instance {@code coap.lwm2m.server.dtls.psk.sensor-1}
	 * @param psk the key
	 */
	static void validate(String prefix, Lwm2mDtlsProperties.Psk psk) {
		if (psk.getIdentity() == null || psk.getIdentity().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".identity", psk.getIdentity(),
					"must not be empty");
		}
		if (psk.getKey() == null || !psk.getKey().matches("([0-9a-fA-F]{2})+")) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".key", "******",
					"must be the key in hexadecimal (an even number of hex digits)");
		}
	}

	/**
	 * Decode a checked key.
	 * @param psk the key
	 * @return its bytes
	 */
	static byte[] keyBytes(Lwm2mDtlsProperties.Psk psk) {
		return HexFormat.of().parseHex(psk.getKey());
	}

	/**
	 * Check every client identity and add it to a store.
	 * @param store the store
	 * @param prefix the DTLS properties' prefix, for instance {@code coap.lwm2m.server.dtls}
	 * @param dtls the DTLS properties
	 */
	static void addTo(EditableSecurityStore store, String prefix, Lwm2mDtlsProperties dtls) {
		validate(prefix + ".psk", dtls.getPsk());
		dtls.getPsk().forEach((endpoint, psk) -> add(store, prefix + ".psk." + endpoint, psk.getIdentity(),
				() -> SecurityInfo.newPreSharedKeyInfo(endpoint, psk.getIdentity(), keyBytes(psk))));
		dtls.getRpkClients().forEach((endpoint, key) -> add(store, prefix + ".rpk-clients." + endpoint, key,
				() -> SecurityInfo.newRawPublicKeyInfo(endpoint, Lwm2mPublicKeys.parse(key))));
		for (String endpoint : dtls.getX509Clients()) {
			add(store, prefix + ".x509-clients", endpoint, () -> SecurityInfo.newX509CertInfo(endpoint));
		}
	}

	private static void add(EditableSecurityStore store, String property, @Nullable Object value,
			Supplier<SecurityInfo> info) {
		try {
			store.add(info.get());
		}
		catch (NonUniqueSecurityInfoException | RuntimeException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	/**
	 * Check that raw public keys come with a key of the server's own.
	 * @param prefix the DTLS properties' prefix
	 * @param dtls the DTLS properties
	 */
	static void validateServerKey(String prefix, Lwm2mDtlsProperties dtls) {
		if (!dtls.getRpkClients().isEmpty() && dtls.getSslBundle() == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".rpk-clients", dtls.getRpkClients().keySet(),
					"needs a key of the server's own for raw public key handshakes: set " + prefix + ".ssl-bundle");
		}
	}

	/**
	 * Read the server's own key, certificate chain and trusted certificates from its SSL bundle.
	 * @param sslBundles the bundles, or {@code null} if the application has none
	 * @param property the property naming the bundle
	 * @param bundleName the bundle's name
	 * @return the key material
	 */
	static SslBundleKeyMaterial serverCredentials(@Nullable SslBundles sslBundles, String property,
			String bundleName) {
		if (sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName,
					"no SslBundles bean is available; SSL bundles need Spring Boot's SslAutoConfiguration");
		}
		SslBundleKeyMaterial material;
		try {
			material = SslBundleKeyMaterial.of(sslBundles.getBundle(bundleName));
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName,
					"no SSL bundle of that name; define it with 'spring.ssl.bundle.pem." + bundleName + ".*'");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName, ex.getMessage());
		}
		if (material.getPrivateKey() == null || material.getCertificateChain().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName,
					"the bundle has no key store with the server's private key and certificate");
		}
		return material;
	}

}
