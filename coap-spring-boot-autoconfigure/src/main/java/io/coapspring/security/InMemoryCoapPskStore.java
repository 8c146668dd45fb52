package io.coapspring.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link CoapPskStore} that holds a fixed set of identities and their secrets in memory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class InMemoryCoapPskStore implements CoapPskStore {

	private final Map<String, byte[]> secrets;

	/**
	 * Create a store.
	 * @param secrets the secret of each identity; the arrays are copied
	 */
	public InMemoryCoapPskStore(Map<String, byte[]> secrets) {
		Assert.notNull(secrets, "'secrets' must not be null");
		Map<String, byte[]> copy = new LinkedHashMap<>();
		secrets.forEach((identity, secret) -> {
			Assert.hasLength(identity, "PSK identities must not be empty");
			Assert.isTrue(secret != null && secret.length > 0, () -> "Secret of PSK identity '" + identity
					+ "' must not be empty");
			copy.put(identity, secret.clone());
		});
		this.secrets = copy;
	}

	@Override
	public byte @Nullable [] getSecret(String identity) {
		byte[] secret = this.secrets.get(identity);
		return (secret != null) ? Arrays.copyOf(secret, secret.length) : null;
	}

	/**
	 * Return the identities this store knows.
	 * @return the identities, in the order they were given
	 */
	public Set<String> getIdentities() {
		return Collections.unmodifiableSet(this.secrets.keySet());
	}

	/**
	 * Return whether this store knows no identity at all.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.secrets.isEmpty();
	}

}
