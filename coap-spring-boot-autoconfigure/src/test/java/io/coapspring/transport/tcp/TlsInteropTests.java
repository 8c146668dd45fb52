package io.coapspring.transport.tcp;

import java.nio.file.Path;

import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libcoap over OpenSSL ({@code coap-client-openssl}) against the {@code coaps+tcp} endpoint, with the test CA
 * of the DTLS tests and client authentication needed: a trusted client certificate reaches the handler method
 * as its peer identity, a client without a certificate or with one of another CA gets no data, and neither
 * harms the server.
 */
@SpringBootTest(classes = TcpTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.tls.enabled=true", "coap.server.tls.port=0",
		"coap.server.tls.ssl-bundle=coap-server", "coap.server.tls.client-auth=needed",
		"spring.ssl.bundle.pem.coap-server.keystore.certificate=classpath:dtls/server.pem",
		"spring.ssl.bundle.pem.coap-server.keystore.private-key=classpath:dtls/server-key.pem",
		"spring.ssl.bundle.pem.coap-server.truststore.certificate=classpath:dtls/ca.pem" })
class TlsInteropTests {

	@Autowired
	CoapServer server;

	String whoami;

	@BeforeEach
	void uri() {
		this.whoami = "coaps+tcp://127.0.0.1:" + TcpTestApplication.port(this.server, "coaps+tcp") + "/whoami";
	}

	@Test
	void trustedClientCertificateIsThePeerIdentity() throws Exception {
		assertThat(trustedClientGets()).contains("hello X509_CERTIFICATE CN=device-7");
	}

	@Test
	void clientWithoutCertificateGetsNoDataWhenClientAuthIsNeeded() throws Exception {
		String output = ExternalClient.libcoap("coap-client-openssl")
			.run("-m", "get", "-R", path("ca.pem"), this.whoami);
		assertThat(output).doesNotContain("hello");
		assertThat(trustedClientGets()).contains("hello X509_CERTIFICATE");
	}

	@Test
	void clientCertificateOfAnotherCaGetsNoData() throws Exception {
		String output = ExternalClient.libcoap("coap-client-openssl")
			.run("-m", "get", "-c", path("rogue-client.pem"), "-j", path("rogue-client-key.pem"), "-R", path("ca.pem"),
					this.whoami);
		assertThat(output).doesNotContain("hello");
		assertThat(trustedClientGets()).contains("hello X509_CERTIFICATE");
	}

	@Test
	void clientThatDoesNotTrustTheServerGetsNoData() throws Exception {
		String output = ExternalClient.libcoap("coap-client-openssl")
			.run("-m", "get", "-c", path("client.pem"), "-j", path("client-key.pem"), "-R", path("rogue-ca.pem"),
					this.whoami);
		assertThat(output).doesNotContain("hello");
	}

	private String trustedClientGets() throws Exception {
		return ExternalClient.libcoap("coap-client-openssl")
			.run("-m", "get", "-c", path("client.pem"), "-j", path("client-key.pem"), "-R", path("ca.pem"),
					this.whoami);
	}

	private static String path(String name) {
		return Path.of("src/test/resources/dtls", name).toAbsolutePath().toString();
	}

}
