package io.coapspring.client.dtls;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import io.coapspring.security.SslBundleKeyMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The DTLS credentials a {@code CoapTemplate} authenticates with and verifies servers with: a pre-shared key
 * (PSK) identity and secret, X.509 key material from an SSL bundle (the CA certificates that server
 * certificates must chain to, and optionally the client's own key and certificate), or both.
 * <p>
 * Credentials are values: templates with equal credentials share one DTLS connector, and so their DTLS
 * sessions. This class holds no DTLS implementation type, so it can be used without Scandium on the
 * classpath.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class DtlsClientCredentials {

	private final @Nullable String pskIdentity;

	private final byte @Nullable [] pskSecret;

	private final @Nullable SslBundleKeyMaterial keyMaterial;

	private DtlsClientCredentials(@Nullable String pskIdentity, byte @Nullable [] pskSecret,
			@Nullable SslBundleKeyMaterial keyMaterial) {
		this.pskIdentity = pskIdentity;
		this.pskSecret = pskSecret;
		this.keyMaterial = keyMaterial;
	}

	/**
	 * Create credentials with a pre-shared key.
	 * @param identity the PSK identity the client presents
	 * @param secret the secret key bytes; the array is copied
	 * @return the credentials
	 * @throws IllegalArgumentException if the identity or the secret is empty
	 */
	public static DtlsClientCredentials psk(String identity, byte[] secret) {
		return new DtlsClientCredentials(checkIdentity(identity), checkSecret(identity, secret), null);
	}

	/**
	 * Create credentials with X.509 key material.
	 * @param keyMaterial the key material of an SSL bundle; its trust store must hold the certificates that the
	 * servers' certificates chain to, its key store (optional) the client's own key and certificate
	 * @return the credentials
	 * @throws IllegalArgumentException if the key material trusts no certificate
	 */
	public static DtlsClientCredentials x509(SslBundleKeyMaterial keyMaterial) {
		return new DtlsClientCredentials(null, null, checkKeyMaterial(keyMaterial));
	}

	/**
	 * Return credentials with these and a pre-shared key.
	 * @param identity the PSK identity
	 * @param secret the secret key bytes; the array is copied
	 * @return new credentials
	 */
	public DtlsClientCredentials withPsk(String identity, byte[] secret) {
		return new DtlsClientCredentials(checkIdentity(identity), checkSecret(identity, secret), this.keyMaterial);
	}

	/**
	 * Return credentials with these and X.509 key material.
	 * @param keyMaterial the key material of an SSL bundle
	 * @return new credentials
	 */
	public DtlsClientCredentials withX509(SslBundleKeyMaterial keyMaterial) {
		return new DtlsClientCredentials(this.pskIdentity, this.pskSecret, checkKeyMaterial(keyMaterial));
	}

	private static String checkIdentity(String identity) {
		Assert.hasLength(identity, "'identity' must not be empty");
		Assert.isTrue(identity.getBytes(StandardCharsets.UTF_8).length <= 65535,
				"'identity' must not be longer than 65535 bytes");
		return identity;
	}

	private static byte[] checkSecret(String identity, byte[] secret) {
		Assert.isTrue(secret != null && secret.length > 0,
				() -> "The secret of PSK identity '" + identity + "' must not be empty");
		return secret.clone();
	}

	private static SslBundleKeyMaterial checkKeyMaterial(SslBundleKeyMaterial keyMaterial) {
		Assert.notNull(keyMaterial, "'keyMaterial' must not be null");
		Assert.isTrue(!keyMaterial.getTrustedCertificates().isEmpty(),
				"the bundle has no trust store with the CA certificates that server certificates must chain to");
		return keyMaterial;
	}

	/**
	 * Return the PSK identity.
	 * @return the identity, or {@code null} without a pre-shared key
	 */
	public @Nullable String getPskIdentity() {
		return this.pskIdentity;
	}

	/**
	 * Return the PSK secret.
	 * @return a copy of the secret, or {@code null} without a pre-shared key
	 */
	public byte @Nullable [] getPskSecret() {
		return (this.pskSecret != null) ? this.pskSecret.clone() : null;
	}

	/**
	 * Return the X.509 key material.
	 * @return the key material, or {@code null} without
	 */
	public @Nullable SslBundleKeyMaterial getKeyMaterial() {
		return this.keyMaterial;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof DtlsClientCredentials other) && Objects.equals(this.pskIdentity, other.pskIdentity)
				&& Arrays.equals(this.pskSecret, other.pskSecret) && Objects.equals(this.keyMaterial, other.keyMaterial);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.pskIdentity, Arrays.hashCode(this.pskSecret), this.keyMaterial);
	}

	/**
	 * Describe the credentials without revealing the secret.
	 * @return a description
	 */
	@Override
	public String toString() {
		StringBuilder description = new StringBuilder("DtlsClientCredentials[");
		if (this.pskIdentity != null) {
			description.append("PSK identity '").append(this.pskIdentity).append('\'');
		}
		if (this.keyMaterial != null) {
			description.append((this.pskIdentity != null) ? ", " : "").append("X.509 ").append(this.keyMaterial);
		}
		return description.append(']').toString();
	}

}
