package io.coapspring.server.dtls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;
import org.jspecify.annotations.Nullable;

/**
 * A Californium client over a Scandium DTLS connector, bound to an ephemeral port on 127.0.0.1, with short
 * timeouts so that a refused handshake ends the request quickly.
 */
final class ScandiumTestClient implements AutoCloseable {

	private final CoapEndpoint endpoint;

	private ScandiumTestClient(DtlsConnectorConfig.Builder builder, Configuration configuration) {
		builder.setAddress(new InetSocketAddress("127.0.0.1", 0));
		this.endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setConnector(new DTLSConnector(builder.build()))
			.build();
	}

	static ScandiumTestClient psk(String identity, String secret) {
		Configuration configuration = configuration();
		DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(configuration)
			.setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret.getBytes()));
		return new ScandiumTestClient(builder, configuration);
	}

	static ScandiumTestClient x509(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trusted) {
		Configuration configuration = configuration();
		DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(configuration)
			.setCertificateIdentityProvider(
					new SingleCertificateProvider(key, chain.toArray(X509Certificate[]::new), CertificateType.X_509))
			.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
				.setTrustedCertificates(trusted.toArray(X509Certificate[]::new))
				.build());
		builder.setAsList(DtlsConfig.DTLS_CERTIFICATE_TYPES, CertificateType.X_509);
		return new ScandiumTestClient(builder, configuration);
	}

	static ScandiumTestClient rpk(PrivateKey key, PublicKey publicKey) {
		Configuration configuration = configuration();
		DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(configuration)
			.setCertificateIdentityProvider(new SingleCertificateProvider(key, publicKey))
			.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder().setTrustAllRPKs().build());
		builder.setAsList(DtlsConfig.DTLS_CERTIFICATE_TYPES, CertificateType.RAW_PUBLIC_KEY);
		return new ScandiumTestClient(builder, configuration);
	}

	private static Configuration configuration() {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				DtlsConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
		configuration.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
		configuration.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 500, TimeUnit.MILLISECONDS);
		configuration.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
		configuration.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
		configuration.set(CoapConfig.ACK_TIMEOUT, 1000, TimeUnit.MILLISECONDS);
		configuration.set(CoapConfig.MAX_RETRANSMIT, 2);
		return configuration;
	}

	/**
	 * Send a GET and wait for its response.
	 * @param uri the coaps URI
	 * @return the response, or {@code null} if none came in time
	 * @throws IOException if the handshake failed, with the DTLS failure as its cause
	 */
	@Nullable CoapResponse get(String uri) throws ConnectorException, IOException {
		CoapClient client = new CoapClient(uri);
		try {
			client.setEndpoint(this.endpoint);
			client.setTimeout(6000L);
			return client.get();
		}
		finally {
			client.shutdown();
		}
	}

	@Override
	public void close() {
		this.endpoint.destroy();
	}

}
