package io.coapspring.server.dtls;

import java.net.InetSocketAddress;

import io.coapspring.server.PlainCoapProbe;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * A server with a plain and a DTLS endpoint, credentials for PSK, X.509 and raw public keys, and client
 * authentication needed, talked to by Californium/Scandium clients over real UDP on 127.0.0.1.
 */
@DtlsServerTest
class DtlsServerIntegrationTests {

	@LocalCoapPort
	int port;

	@LocalCoapDtlsPort
	int dtlsPort;

	@Autowired
	DtlsTestApplication.StartedEvents startedEvents;

	@Test
	void publishesPlainAndDtlsPorts() {
		assertThat(this.port).isPositive();
		assertThat(this.dtlsPort).isPositive().isNotEqualTo(this.port);
		assertThat(this.startedEvents.events).singleElement().satisfies((event) -> {
			assertThat(event.getPort()).isEqualTo(this.port);
			assertThat(event.getSecurePort()).isEqualTo(this.dtlsPort);
			assertThat(event.getPlainAddresses()).hasSize(1);
			assertThat(event.getSecureAddresses()).hasSize(1);
		});
	}

	@Test
	void plainEndpointAnswersWithoutIdentity() throws Exception {
		try (PlainCoapProbe probe = new PlainCoapProbe(new InetSocketAddress("127.0.0.1", this.port))) {
			Response response = probe.get("whoami", 5000);
			assertThat(response).isNotNull();
			assertThat(response.getPayloadString()).isEqualTo("hello anonymous");
		}
	}

	@Test
	void pskClientIsAuthenticatedByIdentity() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.psk("device-psk", "secretPSK")) {
			CoapResponse response = client.get(whoami());
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).isEqualTo("hello PRE_SHARED_KEY device-psk");
		}
	}

	@Test
	void pskSecretGivenInBase64() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.psk("device.b64", "secretPSK")) {
			CoapResponse response = client.get(whoami());
			assertThat(response).isNotNull();
			assertThat(response.getResponseText()).isEqualTo("hello PRE_SHARED_KEY device.b64");
		}
	}

	@Test
	void pskClientWithWrongKeyGetsNoResponse() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.psk("device-psk", "wrong-key")) {
			assertThatIOException().isThrownBy(() -> client.get(whoami()))
				.withCauseInstanceOf(DtlsHandshakeTimeoutException.class)
				.withMessageContaining("Wrong PSK identity or secret");
		}
	}

	@Test
	void pskClientWithUnknownIdentityGetsNoResponse() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.psk("nobody", "secretPSK")) {
			assertThatIOException().isThrownBy(() -> client.get(whoami()))
				.withCauseInstanceOf(DtlsHandshakeTimeoutException.class)
				.withMessageContaining("Wrong PSK identity or secret");
		}
	}

	@Test
	void x509ClientIsAuthenticatedBySubject() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.x509(DtlsTestCredentials.privateKey("client-key.pem"),
				DtlsTestCredentials.certificates("client.pem"), DtlsTestCredentials.certificates("ca.pem"))) {
			CoapResponse response = client.get(whoami());
			assertThat(response).isNotNull();
			assertThat(response.getResponseText()).isEqualTo("hello X509_CERTIFICATE CN=device-7");
		}
	}

	@Test
	void x509ClientFromUntrustedCaGetsNoResponse() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.x509(
				DtlsTestCredentials.privateKey("rogue-client-key.pem"),
				DtlsTestCredentials.certificates("rogue-client.pem"), DtlsTestCredentials.certificates("ca.pem"))) {
			assertThatIOException().isThrownBy(() -> client.get(whoami()))
				.withCauseInstanceOf(HandshakeException.class)
				.withMessageContaining("fatal alert/BAD_CERTIFICATE");
		}
	}

	@Test
	void rawPublicKeyClientIsAuthenticatedByKey() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.rpk(DtlsTestCredentials.privateKey("rpk-client-key.pem"),
				DtlsTestCredentials.publicKey("rpk-client-pub.pem"))) {
			CoapResponse response = client.get(whoami());
			assertThat(response).isNotNull();
			assertThat(response.getResponseText()).startsWith("hello RAW_PUBLIC_KEY ni:///sha-256;");
		}
	}

	@Test
	void untrustedRawPublicKeyGetsNoResponse() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.rpk(DtlsTestCredentials.privateKey("rpk-other.pem"),
				DtlsTestCredentials.publicKey("rpk-other.pem"))) {
			assertThatIOException().isThrownBy(() -> client.get(whoami()))
				.withCauseInstanceOf(HandshakeException.class)
				.withMessageContaining("fatal alert/BAD_CERTIFICATE");
		}
	}

	@Test
	void handlerMethodsReceiveThePeerIdentity() throws Exception {
		try (ScandiumTestClient client = ScandiumTestClient.psk("device-psk", "secretPSK")) {
			assertThat(client.get(uri("/peer")).getResponseText())
				.isEqualTo("PRE_SHARED_KEY device-psk secure=true same=true key=false chain=0");
		}
		try (ScandiumTestClient client = ScandiumTestClient.x509(DtlsTestCredentials.privateKey("client-key.pem"),
				DtlsTestCredentials.certificates("client.pem"), DtlsTestCredentials.certificates("ca.pem"))) {
			assertThat(client.get(uri("/peer")).getResponseText())
				.isEqualTo("X509_CERTIFICATE CN=device-7 secure=true same=true key=true chain=2");
		}
		try (ScandiumTestClient client = ScandiumTestClient.rpk(DtlsTestCredentials.privateKey("rpk-client-key.pem"),
				DtlsTestCredentials.publicKey("rpk-client-pub.pem"))) {
			assertThat(client.get(uri("/peer")).getResponseText()).startsWith("RAW_PUBLIC_KEY ni:///sha-256;")
				.endsWith(" secure=true same=true key=true chain=0");
		}
	}

	@Test
	void handlerMethodWithRequiredPeerIdentityAnswersPlainRequestsUnauthorized() throws Exception {
		try (PlainCoapProbe probe = new PlainCoapProbe(new InetSocketAddress("127.0.0.1", this.port))) {
			Response response = probe.get("peer", 5000);
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
		}
	}

	private String uri(String path) {
		return "coaps://127.0.0.1:" + this.dtlsPort + path;
	}

	private String whoami() {
		return "coaps://127.0.0.1:" + this.dtlsPort + "/whoami";
	}

}
