package io.coapspring.sample;

import java.time.Duration;
import java.util.List;

import io.coapspring.client.CoapOperations;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.rd.client.RdClientState;
import io.coapspring.rd.client.RdLookupClient;
import io.coapspring.rd.client.RdRegistrationClient;
import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample runs a Resource Directory and registers itself with it: found by CoAP lookups, by the in-process
 * API, over HTTP and on {@code /actuator/rd}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
class SampleResourceDirectoryTests {

	@Autowired
	RdRegistrationClient registration;

	@Autowired
	ResourceDirectory directory;

	@Autowired
	CoapOperations coap;

	@Autowired
	RestTestClient http;

	@LocalCoapPort
	int coapPort;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void registered() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.registration.getState() == RdClientState.REGISTERED);
	}

	@Test
	void theSampleIsRegisteredWithItsOwnDirectory() {
		assertThat(this.directory.findEndpoint("coap-sample", null)).hasValueSatisfying((registration) -> {
			assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(300));
			assertThat(registration.effectiveBase()).hasToString("coap://127.0.0.1:" + this.coapPort);
		});
		RdLookupClient lookup = RdLookupClient.create(this.coap, "coap://127.0.0.1:" + this.coapPort);
		List<WebLink> hello = lookup
			.lookupResources("ep=coap-sample&href=coap://127.0.0.1:" + this.coapPort + "/hello");
		assertThat(hello).singleElement()
			.satisfies((link) -> assertThat(link.getUri()).hasToString("coap://127.0.0.1:" + this.coapPort + "/hello"));
		assertThat(this.coap.getForObject(hello.get(0).getUri(), String.class)).startsWith("Hello");
	}

	@Test
	void theDirectoryIsShownOverHttp() {
		this.http.get()
			.uri("/api/rd/endpoints?filter=ep=coap-*")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].endpoint")
			.isEqualTo("coap-sample");
		// the resource finder asks the directory this node runs
		this.http.get()
			.uri("/api/coap-resources?filter=rt=sensor-list")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].uri")
			.isEqualTo("coap://127.0.0.1:" + this.coapPort + "/sensors");
		this.http.get()
			.uri("http://127.0.0.1:" + this.managementPort + "/actuator/rd")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.endpoints[0].endpoint")
			.isEqualTo("coap-sample");
	}

}
