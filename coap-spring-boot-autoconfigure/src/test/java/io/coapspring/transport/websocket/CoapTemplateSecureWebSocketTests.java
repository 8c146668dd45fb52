package io.coapspring.transport.websocket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLHandshakeException;

import io.coapspring.client.CoapClientException;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.server.observe.CoapNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@code CoapTemplate} with {@code coaps+ws://} URIs (CoAP over secure WebSockets, {@code wss://}): the
 * embedded Tomcat serves TLS with {@code server.ssl.bundle}, the template trusts its CA through
 * {@code coap.client.tls.ssl-bundle}.
 */
@SpringBootTest(classes = WebSocketTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.websocket.enabled=true",
				"server.ssl.bundle=web",
				"spring.ssl.bundle.pem.web.keystore.certificate=classpath:dtls/server.pem",
				"spring.ssl.bundle.pem.web.keystore.private-key=classpath:dtls/server-key.pem",
				"coap.client.tls.ssl-bundle=trust",
				"spring.ssl.bundle.pem.trust.truststore.certificate=classpath:dtls/ca.pem",
				"spring.ssl.bundle.pem.rogue.truststore.certificate=classpath:dtls/rogue-ca.pem" })
class CoapTemplateSecureWebSocketTests {

	@LocalServerPort
	int port;

	@Autowired
	CoapTemplate template;

	@Autowired
	CoapTemplateBuilder builder;

	@Autowired
	SslBundles sslBundles;

	@Autowired
	CoapServer server;

	@Autowired
	WebSocketTestApplication.WebSocketController controller;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	MeterRegistry meters;

	@Test
	void getsAndObservesOverWss() {
		String base = "coaps+ws://127.0.0.1:" + this.port;
		assertThat(this.template.getForObject(base + "/hello", String.class)).isEqualTo("hello over websockets");
		assertThat(this.template.getForObject(base + "/large", String.class))
			.isEqualTo(WebSocketTestApplication.LARGE);
		this.controller.level.set(1);
		List<String> values = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = this.template.observe(base + "/level", String.class, values::add);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.notifier.getObserverCount("/level") == 1);
			this.controller.level.set(2);
			this.notifier.changed("/level");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(values).containsExactly("level 1", "level 2"));
		}
		finally {
			observation.cancel();
		}
		assertThat(this.template.getEndpoints().getEndpoints())
			.anySatisfy((endpoint) -> assertThat(endpoint.getUri().getScheme()).isEqualTo("coaps+ws"));
		assertThat(this.server.getEndpoints()).anySatisfy((endpoint) -> assertThat(endpoint.getUri())
			.hasToString("coaps+ws://0.0.0.0:" + this.port));
		assertThat(this.meters.get("coap.server.connections").tag("scheme", "coaps+ws").gauge().value())
			.isEqualTo(1.0);
	}

	@Test
	void serverOfAnotherCaIsNotTrusted() {
		String uri = "coaps+ws://127.0.0.1:" + this.port + "/hello";
		try (CoapTemplate rogue = this.builder.tlsBundle(this.sslBundles.getBundle("rogue"))
			.timeout(Duration.ofSeconds(5))
			.build()) {
			assertThatExceptionOfType(CoapClientException.class)
				.isThrownBy(() -> rogue.getForObject(uri, String.class))
				.withStackTraceContaining(SSLHandshakeException.class.getName())
				.withStackTraceContaining("PKIX path building failed");
		}
		assertThat(this.template.getForObject(uri, String.class)).isEqualTo("hello over websockets");
	}

	@Test
	void templateWithoutTlsBundleSaysWhichPropertyToSet() {
		try (CoapTemplate plain = this.builder.tlsBundle(null).build()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> plain.getForObject("coaps+ws://127.0.0.1:" + this.port + "/hello", String.class))
				.withMessageContaining("coap.client.tls.ssl-bundle");
		}
	}

}
