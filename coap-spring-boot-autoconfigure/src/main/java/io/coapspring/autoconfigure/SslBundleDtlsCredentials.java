package io.coapspring.autoconfigure;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import io.coapspring.security.SslBundleKeyMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
		SslBundleKeyMaterial material = SslBundleLoader.load(sslBundles, bundleName, PROPERTY);
		PrivateKey privateKey = material.getPrivateKey();
		if (privateKey == null) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, bundleName,
					"the bundle has no key store with the server's private key and certificate");
		}
		return new SslBundleDtlsCredentials(bundleName, privateKey,
				material.getCertificateChain().toArray(X509Certificate[]::new), material.getTrustedCertificates());
	}

}
