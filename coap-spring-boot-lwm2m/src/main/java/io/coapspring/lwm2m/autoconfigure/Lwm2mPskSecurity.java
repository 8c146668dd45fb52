package io.coapspring.lwm2m.autoconfigure;

import java.util.HexFormat;
import java.util.Map;

import org.eclipse.leshan.server.security.EditableSecurityStore;
import org.eclipse.leshan.server.security.NonUniqueSecurityInfoException;
import org.eclipse.leshan.server.security.SecurityInfo;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the pre-shared keys of {@link Lwm2mDtlsProperties#getPsk()} and puts them in a Leshan security store,
 * for the LWM2M server and the bootstrap server alike.
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mPskSecurity {

	private Lwm2mPskSecurity() {
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
	 * Check the keys and add them to a store.
	 * @param store the store
	 * @param prefix the map's property
	 * @param keys the keys by endpoint name
	 */
	static void addTo(EditableSecurityStore store, String prefix, Map<String, Lwm2mDtlsProperties.Psk> keys) {
		validate(prefix, keys);
		keys.forEach((endpoint, psk) -> {
			try {
				store.add(SecurityInfo.newPreSharedKeyInfo(endpoint, psk.getIdentity(), keyBytes(psk)));
			}
			catch (NonUniqueSecurityInfoException | RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "." + endpoint, psk.getIdentity(),
						ex.getMessage());
			}
		});
	}

}
