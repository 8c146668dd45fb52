package io.coapspring.client.dtls;

import java.net.InetAddress;
import java.time.Duration;

import io.coapspring.client.CoapClientException;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTimeoutException;
import io.coapspring.client.dtls.DtlsClientTestApplication.HandshakeCounter;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.network.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CoapTemplate} over DTLS against our own server on 127.0.0.1: pre-shared keys, X.509 certificates
 * from SSL bundles, failed handshakes, and the reuse of DTLS sessions across requests.
 */
@SpringBootTest(classes = DtlsClientTestApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.dtls.enabled=true",
				"coap.server.dtls.port=0", "coap.server.dtls.psk.identities.device-psk=secretPSK",
				"coap.server.dtls.psk.identities.other-psk=base64:b3RoZXJTZWNyZXQ=",
				"coap.server.dtls.ssl-bundle=coap-server", "coap.server.dtls.client-auth=wanted",
				"coap.client.dtls.psk.identity=device-psk", "coap.client.dtls.psk.secret=secretPSK",
				"coap.client.timeout=5s",
				"spring.ssl.bundle.pem.coap-server.keystore.certificate=classpath:dtls/server.pem",
				"spring.ssl.bundle.pem.coap-server.keystore.private-key=classpath:dtls/server-key.pem",
				"spring.ssl.bundle.pem.coap-server.truststore.certificate=classpath:dtls/ca.pem",
				"spring.ssl.bundle.pem.coap-client.keystore.certificate=classpath:dtls/client.pem",
				"spring.ssl.bundle.pem.coap-client.keystore.private-key=classpath:dtls/client-key.pem",
				"spring.ssl.bundle.pem.coap-client.truststore.certificate=classpath:dtls/ca.pem",
				"spring.ssl.bundle.pem.trust-only.truststore.certificate=classpath:dtls/ca.pem",
				"spring.ssl.bundle.pem.rogue-trust.truststore.certificate=classpath:dtls/rogue-ca.pem",
				"spring.ssl.bundle.pem.key-only.keystore.certificate=classpath:dtls/client.pem",
				"spring.ssl.bundle.pem.key-only.keystore.private-key=classpath:dtls/client-key.pem" })
class CoapTemplateDtlsTests {

	@LocalCoapDtlsPort
	int dtlsPort;

	@LocalCoapPort
	int port;

	@Autowired
	CoapTemplate coap;

	@Autowired
	ObjectProvider<CoapTemplateBuilder> builders;

	@Autowired
	SslBundles sslBundles;

	@Autowired
	HandshakeCounter handshakes;

	@Test
	void autoConfiguredTemplateSpeaksCoapsWithThePropertiesPsk() {
		assertThat(this.coap.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("device-psk");
		assertThat(this.coap.getForObject("coap://127.0.0.1:" + this.port + "/whoami", String.class))
			.isEqualTo("anonymous");
	}

	@Test
	void pskIdentityPerTemplate() {
		CoapTemplate other = this.builders.getObject().pskIdentity("other-psk", "otherSecret").build();
		assertThat(other.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("other-psk");
	}

	@Test
	void x509ClientCertificateFromSslBundle() {
		CoapTemplate template = this.builders.getObject()
			.noDtlsCredentials()
			.sslBundle(this.sslBundles.getBundle("coap-client"))
			.build();
		assertThat(template.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("CN=device-7");
	}

	@Test
	void x509ServerVerifiedByHostName() {
		try (CoapTemplate template = this.builders.getObject()
			.noDtlsCredentials()
			.sslBundle(this.sslBundles.getBundle("coap-client"))
			.dedicatedEndpoints()
			.build()) {
			assertThat(template.getForObject(whoami("localhost"), String.class)).isEqualTo("CN=device-7");
			assertThatExceptionOfType(CoapClientException.class)
				.isThrownBy(() -> template.getForObject(whoami("127.0.0.1"), String.class))
				.withMessageContaining("established for another host name");
		}
	}

	@Test
	void x509WithTrustOnlyIsAnonymousToAServerThatWantsClientCertificates() {
		CoapTemplate template = this.builders.getObject()
			.noDtlsCredentials()
			.sslBundle(this.sslBundles.getBundle("trust-only"))
			.build();
		assertThat(template.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("anonymous");
	}

	@Test
	void serverWithCertificateOfAnUntrustedCaIsRefused() {
		CoapTemplate template = this.builders.getObject()
			.noDtlsCredentials()
			.sslBundle(this.sslBundles.getBundle("rogue-trust"))
			.build();
		assertThatExceptionOfType(CoapClientException.class)
			.isThrownBy(() -> template.getForObject(whoami("127.0.0.1"), String.class))
			.withMessageContaining("Could not send GET " + whoami("127.0.0.1"))
			.withMessageContaining("Certificate chain could not be validated");
	}

	@Test
	void wrongPskGetsNoResponse() {
		CoapTemplate template = this.builders.getObject()
			.pskIdentity("device-psk", "wrong-secret")
			.timeout(Duration.ofSeconds(4))
			.build();
		assertThatExceptionOfType(CoapClientException.class)
			.isThrownBy(() -> template.getForObject(whoami("127.0.0.1"), String.class))
			.satisfies((ex) -> assertThat(ex).isNotInstanceOf(CoapTimeoutException.class))
			.withMessageContaining("Could not send GET")
			.withMessageContaining("Handshake flight");
	}

	@Test
	void bundleWithoutTrustStoreIsRejected() {
		CoapTemplateBuilder builder = this.builders.getObject();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.sslBundle(this.sslBundles.getBundle("key-only")))
			.withMessageContaining("no trust store");
	}

	@Test
	void requestsToTheSamePeerReuseTheDtlsSession() {
		try (CoapTemplate template = this.builders.getObject()
			.pskIdentity("other-psk", "otherSecret")
			.dedicatedEndpoints()
			.build()) {
			int before = this.handshakes.successful();
			for (int i = 0; i < 5; i++) {
				assertThat(template.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("other-psk");
			}
			assertThat(this.handshakes.successful() - before).isOne();
		}
	}

	@Test
	void templatesWithEqualCredentialsShareTheirDtlsEndpoint() throws Exception {
		CoapTemplate first = this.builders.getObject().pskIdentity("other-psk", "otherSecret").build();
		CoapTemplate second = this.builders.getObject().pskIdentity("other-psk", "otherSecret").build();
		CoapTemplate third = this.builders.getObject().pskIdentity("device-psk", "secretPSK").build();
		assertThat(second.getDtlsCredentials()).isEqualTo(first.getDtlsCredentials());
		first.getForObject(whoami("127.0.0.1"), String.class);
		int before = this.handshakes.successful();
		assertThat(second.getForObject(whoami("127.0.0.1"), String.class)).isEqualTo("other-psk");
		assertThat(this.handshakes.successful()).isEqualTo(before);
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		Endpoint shared = first.getEndpoints().getSecureEndpoint(loopback, 0, first.getDtlsCredentials());
		assertThat(second.getEndpoints().getSecureEndpoint(loopback, 0, second.getDtlsCredentials())).isSameAs(shared);
		assertThat(third.getEndpoints().getSecureEndpoint(loopback, 0, third.getDtlsCredentials()))
			.isNotSameAs(shared);
	}

	@Test
	void dedicatedDtlsEndpointsAreClosedWithTheTemplate() {
		CoapTemplate template = this.builders.getObject().dedicatedEndpoints().build();
		template.getForObject(whoami("127.0.0.1"), String.class);
		Endpoint endpoint = template.getEndpoints().getEndpoints().get(0);
		assertThat(endpoint.getUri().getScheme()).isEqualTo("coaps");
		assertThat(endpoint.isStarted()).isTrue();
		template.close();
		assertThat(endpoint.isStarted()).isFalse();
	}

	@Test
	void multicastOverDtlsIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.coap.multicast("coaps://224.0.1.187/x", String.class, Duration.ofMillis(100)))
			.withMessageContaining("DTLS has no multicast");
	}

	private String whoami(String host) {
		return "coaps://" + host + ":" + this.dtlsPort + "/whoami";
	}

}
