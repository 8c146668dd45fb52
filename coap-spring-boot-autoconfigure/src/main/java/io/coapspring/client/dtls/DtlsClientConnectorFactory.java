package io.coapspring.client.dtls;

import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import io.coapspring.security.SslBundleKeyMaterial;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

import org.springframework.util.Assert;

/**
 * Builds the Scandium {@link DTLSConnector} a client endpoint sends {@code coaps} requests through: a client
 * only (it never accepts handshakes), with the template's pre-shared key and X.509 credentials. Server
 * certificates must chain to the trusted certificates, and their subject (subject alternative names, else
 * common name) must match the host of the request URI, or its IP address.
 * <p>
 * The connector keeps the DTLS connection to each server it talked to, so later requests to the same server
 * need no new handshake. Only this class of the client refers to Scandium; it is loaded when the first
 * {@code coaps} request is sent.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class DtlsClientConnectorFactory {

	private DtlsClientConnectorFactory() {
	}

	/**
	 * Create a connector.
	 * @param credentials the credentials
	 * @param bindAddress the local address to bind, port 0 for an ephemeral one
	 * @param configuration the Californium configuration; Scandium's {@code DtlsConfig} values in it apply,
	 * except the role, which is always client only
	 * @param loggingTag the tag of the connector's log messages
	 * @return the connector, not started
	 */
	public static Connector createConnector(DtlsClientCredentials credentials, InetSocketAddress bindAddress,
			Configuration configuration, String loggingTag) {
		Assert.notNull(credentials, "'credentials' must not be null");
		Assert.notNull(bindAddress, "'bindAddress' must not be null");
		Assert.notNull(configuration, "'configuration' must not be null");
		Configuration clientConfiguration = new Configuration(configuration);
		clientConfiguration.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
		DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(clientConfiguration)
			.setAddress(bindAddress)
			.setLoggingTag(loggingTag);
		String identity = credentials.getPskIdentity();
		byte[] secret = credentials.getPskSecret();
		if (identity != null && secret != null) {
			builder.setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret));
			Arrays.fill(secret, (byte) 0);
		}
		SslBundleKeyMaterial keyMaterial = credentials.getKeyMaterial();
		if (keyMaterial != null) {
			builder.setAsList(DtlsConfig.DTLS_CERTIFICATE_TYPES, CertificateType.X_509);
			PrivateKey privateKey = keyMaterial.getPrivateKey();
			if (privateKey != null) {
				builder.setCertificateIdentityProvider(new SingleCertificateProvider(privateKey,
						keyMaterial.getCertificateChain().toArray(X509Certificate[]::new), CertificateType.X_509));
			}
			builder.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
				.setTrustedCertificates(keyMaterial.getTrustedCertificates().toArray(X509Certificate[]::new))
				.build());
		}
		return new DTLSConnector(builder.build());
	}

}
