package io.coapspring.security;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;

/**
 * The key material of a Spring Boot {@link SslBundle} in the form DTLS needs it: the private key and
 * certificate chain of the bundle's key store (the own identity) and the certificates of its trust store
 * (the certificate authorities the peer's chain must lead to).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class SslBundleKeyMaterial {

	private final @Nullable PrivateKey privateKey;

	private final List<X509Certificate> certificateChain;

	private final List<X509Certificate> trustedCertificates;

	private SslBundleKeyMaterial(@Nullable PrivateKey privateKey, List<X509Certificate> certificateChain,
			List<X509Certificate> trustedCertificates) {
		this.privateKey = privateKey;
		this.certificateChain = certificateChain;
		this.trustedCertificates = trustedCertificates;
	}

	/**
	 * Read the key material of a bundle. The key store entry is the one the bundle's key alias names, or else
	 * the first private key entry; the key password is the bundle's key password, or else the key store's.
	 * @param bundle the bundle
	 * @return the key material; without a key store, it has no private key and no certificate chain
	 * @throws IllegalArgumentException if the key store has no usable private key entry, or a store cannot be
	 * read, with the reason as message
	 */
	public static SslBundleKeyMaterial of(SslBundle bundle) {
		Assert.notNull(bundle, "'bundle' must not be null");
		try {
			return read(bundle);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("its key store or trust store cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static SslBundleKeyMaterial read(SslBundle bundle) throws GeneralSecurityException {
		List<X509Certificate> trusted = trustedCertificates(bundle.getStores().getTrustStore());
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			return new SslBundleKeyMaterial(null, List.of(), trusted);
		}
		String alias = bundle.getKey().getAlias();
		if (alias == null) {
			alias = firstKeyAlias(keyStore);
		}
		if (alias == null || !keyStore.isKeyEntry(alias)) {
			throw new IllegalArgumentException("the bundle's key store has no private key entry"
					+ ((alias != null) ? " with alias '" + alias + "'" : ""));
		}
		String password = bundle.getKey().getPassword();
		if (password == null) {
			password = bundle.getStores().getKeyStorePassword();
		}
		Key key = getKey(keyStore, alias, password);
		if (!(key instanceof PrivateKey privateKey)) {
			throw new IllegalArgumentException("the key store entry '" + alias + "' holds no private key");
		}
		Certificate[] chain = keyStore.getCertificateChain(alias);
		if (chain == null || chain.length == 0) {
			throw new IllegalArgumentException("the key store entry '" + alias + "' has no certificate chain");
		}
		List<X509Certificate> x509Chain = new ArrayList<>(chain.length);
		for (Certificate certificate : chain) {
			if (!(certificate instanceof X509Certificate x509)) {
				throw new IllegalArgumentException(
						"the certificate chain of '" + alias + "' holds a non-X.509 certificate");
			}
			x509Chain.add(x509);
		}
		return new SslBundleKeyMaterial(privateKey, List.copyOf(x509Chain), trusted);
	}

	private static @Nullable String firstKeyAlias(KeyStore keyStore) throws GeneralSecurityException {
		for (String alias : Collections.list(keyStore.aliases())) {
			if (keyStore.isKeyEntry(alias)) {
				return alias;
			}
		}
		return null;
	}

	private static @Nullable Key getKey(KeyStore keyStore, String alias, @Nullable String password)
			throws GeneralSecurityException {
		try {
			return keyStore.getKey(alias, (password != null) ? password.toCharArray() : new char[0]);
		}
		catch (UnrecoverableKeyException ex) {
			if (password != null) {
				throw ex;
			}
			// PEM bundles store an unprotected key
			return keyStore.getKey(alias, null);
		}
	}

	private static List<X509Certificate> trustedCertificates(@Nullable KeyStore trustStore)
			throws GeneralSecurityException {
		List<X509Certificate> certificates = new ArrayList<>();
		if (trustStore != null) {
			for (String alias : Collections.list(trustStore.aliases())) {
				if (trustStore.isCertificateEntry(alias)
						&& trustStore.getCertificate(alias) instanceof X509Certificate certificate) {
					certificates.add(certificate);
				}
			}
		}
		return List.copyOf(certificates);
	}

	/**
	 * Return the private key of the key store entry.
	 * @return the key, or {@code null} if the bundle has no key store
	 */
	public @Nullable PrivateKey getPrivateKey() {
		return this.privateKey;
	}

	/**
	 * Return the certificate chain of the key store entry, its own certificate first.
	 * @return the chain, empty if the bundle has no key store
	 */
	public List<X509Certificate> getCertificateChain() {
		return this.certificateChain;
	}

	/**
	 * Return the certificates of the trust store.
	 * @return the trusted certificates, empty if the bundle has no trust store or it holds none
	 */
	public List<X509Certificate> getTrustedCertificates() {
		return this.trustedCertificates;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof SslBundleKeyMaterial other) && Objects.equals(this.privateKey, other.privateKey)
				&& this.certificateChain.equals(other.certificateChain)
				&& this.trustedCertificates.equals(other.trustedCertificates);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.certificateChain, this.trustedCertificates);
	}

	@Override
	public String toString() {
		String subject = this.certificateChain.isEmpty() ? "none"
				: this.certificateChain.get(0).getSubjectX500Principal().getName();
		return "SslBundleKeyMaterial[certificate " + subject + ", " + this.trustedCertificates.size()
				+ " trusted certificate(s)]";
	}

}
