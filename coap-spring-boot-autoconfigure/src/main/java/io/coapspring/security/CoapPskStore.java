package io.coapspring.security;

import org.jspecify.annotations.Nullable;

/**
 * Looks up the pre-shared key (PSK) of a DTLS client by the PSK identity the client presents, so that
 * keys can live wherever the application keeps them, for instance in a database.
 * <p>
 * A bean of this type replaces the keys of the {@code coap.server.dtls.psk.identities} property. The
 * look-up runs on a DTLS handshake thread for every full handshake, so it should be fast: cache keys
 * that come from a slow store.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see InMemoryCoapPskStore
 */
@FunctionalInterface
public interface CoapPskStore {

	/**
	 * Return the secret shared with the client that presents the given identity.
	 * @param identity the PSK identity, as the client sent it
	 * @return the secret key bytes, or {@code null} if the identity is unknown, which fails the handshake.
	 * The caller copies the bytes and does not modify the returned array.
	 */
	byte @Nullable [] getSecret(String identity);

}
