package io.coapspring.transport.tcp;

import java.nio.file.Path;

import io.coapspring.client.CoapClientException;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code CoapTemplate} with {@code coaps+tcp://} URIs (CoAP over TLS, RFC 8323), its trust and client key from
 * the SSL bundle of {@code coap.client.tls.ssl-bundle}: against this application's own TLS endpoint, which
 * needs client certificates, and against libcoap's {@code coap-server-openssl}.
 */
@SpringBootTest(classes = TcpTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.tls.enabled=true", "coap.server.tls.port=0",
		"coap.server.tls.ssl-bundle=coap-server", "coap.server.tls.client-auth=needed",
		"spring.ssl.bundle.pem.coap-server.keystore.certificate=classpath:dtls/server.pem",
		"spring.ssl.bundle.pem.coap-server.keystore.private-key=classpath:dtls/server-key.pem",
		"spring.ssl.bundle.pem.coap-server.truststore.certificate=classpath:dtls/ca.pem",
		"coap.client.tls.ssl-bundle=device",
		"spring.ssl.bundle.pem.device.keystore.certificate=classpath:dtls/client.pem",
		"spring.ssl.bundle.pem.device.keystore.private-key=classpath:dtls/client-key.pem",
		"spring.ssl.bundle.pem.device.truststore.certificate=classpath:dtls/ca.pem",
		"spring.ssl.bundle.pem.rogue.truststore.certificate=classpath:dtls/rogue-ca.pem" })
class CoapTemplateTlsTests {

	@Autowired
	CoapTemplate template;

	@Autowired
	CoapTemplateBuilder builder;

	@Autowired
	SslBundles sslBundles;

	@Autowired
	CoapServer server;

	@Test
	void getsOverTlsWithTheBundlesClientCertificateAsPeerIdentity() {
		String base = "coaps+tcp://127.0.0.1:" + TcpTestApplication.port(this.server, "coaps+tcp");
		assertThat(this.template.getForObject(base + "/whoami", String.class))
			.isEqualTo("hello X509_CERTIFICATE CN=device-7");
		assertThat(this.template.getForObject(base + "/large", String.class)).isEqualTo(TcpTestApplication.LARGE);
		assertThat(this.template.getEndpoints().getEndpoints()).anyMatch(
				(endpoint) -> "coaps+tcp".equals(endpoint.getUri().getScheme()));
	}

	@Test
	void serverOfAnotherCaIsNotTrusted() {
		String uri = "coaps+tcp://127.0.0.1:" + TcpTestApplication.port(this.server, "coaps+tcp") + "/whoami";
		try (CoapTemplate rogue = this.builder.tlsBundle(this.sslBundles.getBundle("rogue"))
			.timeout(java.time.Duration.ofSeconds(5))
			.build()) {
			assertThatExceptionOfType(CoapClientException.class).isThrownBy(() -> rogue.getForObject(uri, String.class));
		}
		assertThat(this.template.getForObject(uri, String.class)).startsWith("hello X509_CERTIFICATE");
	}

	@Test
	void templateWithoutTlsBundleSaysWhichPropertyToSet() {
		try (CoapTemplate plain = this.builder.tlsBundle(null).build()) {
			assertThatIllegalStateException().isThrownBy(() -> plain.getForObject("coaps+tcp://127.0.0.1/hello", String.class))
				.withMessageContaining("coap.client.tls.ssl-bundle");
		}
	}

	@Test
	void getsFromLibcoapTlsServer() throws Exception {
		try (ExternalServer libcoap = ExternalServer.libcoapTls(path("server.pem"), path("server-key.pem"),
				path("ca.pem"))) {
			String base = "coaps+tcp://127.0.0.1:" + libcoap.port();
			assertThat(this.template.getForObject(base + "/", String.class)).contains("libcoap");
			assertThat(this.template.getForObject(base + "/time", String.class)).isNotBlank();
		}
	}

	private static Path path(String name) {
		return Path.of("src/test/resources/dtls", name).toAbsolutePath();
	}

}
