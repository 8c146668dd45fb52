package io.coapspring.transport.tcp;

import java.nio.file.Path;

import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code coaps+tcp} endpoint with {@code coap.server.tls.client-auth=wanted}: a client without a certificate
 * completes the handshake and is answered, but has no peer identity, so a handler method that requires one
 * answers 4.01; a client with a trusted certificate still gets its identity.
 */
@SpringBootTest(classes = TcpTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.tls.enabled=true", "coap.server.tls.port=0",
		"coap.server.tls.ssl-bundle=coap-server", "coap.server.tls.client-auth=wanted",
		"spring.ssl.bundle.pem.coap-server.keystore.certificate=classpath:dtls/server.pem",
		"spring.ssl.bundle.pem.coap-server.keystore.private-key=classpath:dtls/server-key.pem",
		"spring.ssl.bundle.pem.coap-server.truststore.certificate=classpath:dtls/ca.pem" })
class TlsClientAuthWantedTests {

	@Autowired
	CoapServer server;

	String base;

	@BeforeEach
	void uri() {
		this.base = "coaps+tcp://127.0.0.1:" + TcpTestApplication.port(this.server, "coaps+tcp");
	}

	@Test
	void clientWithoutCertificateIsServedWithoutPeerIdentity() throws Exception {
		ExternalClient client = ExternalClient.libcoap("coap-client-openssl");
		assertThat(client.run("-m", "get", "-R", path("ca.pem"), this.base + "/hello")).contains("hello over tcp");
		assertThat(client.run("-m", "get", "-R", path("ca.pem"), this.base + "/whoami")).contains("4.01")
			.doesNotContain("hello X509");
	}

	@Test
	void clientWithTrustedCertificateGetsItsIdentity() throws Exception {
		String output = ExternalClient.libcoap("coap-client-openssl")
			.run("-m", "get", "-c", path("client.pem"), "-j", path("client-key.pem"), "-R", path("ca.pem"),
					this.base + "/whoami");
		assertThat(output).contains("hello X509_CERTIFICATE CN=device-7");
	}

	private static String path(String name) {
		return Path.of("src/test/resources/dtls", name).toAbsolutePath().toString();
	}

}
