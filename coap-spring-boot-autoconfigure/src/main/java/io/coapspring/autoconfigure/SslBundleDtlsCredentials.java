package io.coapspring.autoconfigure;

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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The server's DTLS credentials read from the Spring Boot SSL bundle named by
 * {@code coap.server.dtls.ssl-bundle}: the private key and certificate chain of its key store, and the
 * certificates of its trust store.
 *
 * @param bundleName the name of the bundle
 * @param privateKey the server's private key
 * @param certificateChain the server's certificate chain, its own certificate first
 * @param trustedCertificates the certificates trusted to authenticate clients, possibly none
 * @author CoAP Spring Boot team
 */
record SslBundleDtlsCredentials(String bundleName, PrivateKey privateKey, X509Certificate[] certificateChain,
		List<X509Certificate> trustedCertificates) {

	static final String PROPERTY = "coap.server.dtls.ssl-bundle";

	static SslBundleDtlsCredentials load(@Nullable SslBundles sslBundles, String bundleName) {
		if (sslBundles == null) {
			throw invalid(bundleName, "no SslBundles bean is available; SSL bundles need Spring Boot's SslAutoConfiguration");
		}
		SslBundle bundle;
		try {
			bundle = sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw invalid(bundleName, "no SSL bundle of that name; define it with 'spring.ssl.bundle.pem." + bundleName
					+ ".*' or 'spring.ssl.bundle.jks." + bundleName + ".*'");
		}
		try {
			return read(bundleName, bundle);
		}
		catch (GeneralSecurityException ex) {
			throw invalid(bundleName, "its key store or trust store cannot be read: " + ex.getMessage());
		}
	}

	private static SslBundleDtlsCredentials read(String bundleName, SslBundle bundle) throws GeneralSecurityException {
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			throw invalid(bundleName, "the bundle has no key store with the server's private key and certificate");
		}
		String alias = bundle.getKey().getAlias();
		if (alias == null) {
			alias = firstKeyAlias(keyStore);
		}
		if (alias == null || !keyStore.isKeyEntry(alias)) {
			throw invalid(bundleName, "the bundle's key store has no private key entry"
					+ ((alias != null) ? " with alias '" + alias + "'" : ""));
		}
		String password = bundle.getKey().getPassword();
		if (password == null) {
			password = bundle.getStores().getKeyStorePassword();
		}
		Key key = getKey(keyStore, alias, password);
		if (!(key instanceof PrivateKey privateKey)) {
			throw invalid(bundleName, "the key store entry '" + alias + "' holds no private key");
		}
		Certificate[] chain = keyStore.getCertificateChain(alias);
		if (chain == null || chain.length == 0) {
			throw invalid(bundleName, "the key store entry '" + alias + "' has no certificate chain");
		}
		X509Certificate[] x509Chain = new X509Certificate[chain.length];
		for (int i = 0; i < chain.length; i++) {
			if (!(chain[i] instanceof X509Certificate certificate)) {
				throw invalid(bundleName, "the certificate chain of '" + alias + "' holds a non-X.509 certificate");
			}
			x509Chain[i] = certificate;
		}
		return new SslBundleDtlsCredentials(bundleName, privateKey, x509Chain,
				trustedCertificates(bundle.getStores().getTrustStore()));
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

	private static InvalidConfigurationPropertyValueException invalid(String bundleName, String reason) {
		return new InvalidConfigurationPropertyValueException(PROPERTY, bundleName, reason);
	}

}
