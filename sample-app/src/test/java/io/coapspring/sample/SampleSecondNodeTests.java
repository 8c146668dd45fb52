package io.coapspring.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The sample as a second node, as README.md starts it: no LWM2M server and no Resource Directory of its own, its
 * simulators on as by default. It still starts, its LWM2M HTTP API is simply not there, and its dashboard shows its
 * sensors and charts its simulated nodes without a directory or a demo LWM2M device.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "coap.server.endpoint-name=coap-sample-2",
				"coap.lwm2m.server.enabled=false", "coap.rd.server.enabled=false", "coap.rd.client.enabled=false",
				"sample.simulators.enabled=true" })
@AutoConfigureRestTestClient
class SampleSecondNodeTests {

	@Autowired
	private RestTestClient http;

	@Test
	void startsWithoutLwm2mServerAndDirectory() {
		this.http.get().uri("/api/hello").exchange().expectStatus().isOk();
		this.http.get().uri("/api/lwm2m/devices").exchange().expectStatus().isNotFound();
		this.http.get()
			.uri("/api/dashboard/devices")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].kind")
			.isEqualTo("sensor")
			.jsonPath("$[0].endpoint")
			.isEqualTo("coap-sample-2");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.http.get()
				.uri("/api/dashboard/series")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[?(@.id == 'coap:sim-node-2/humidity')].points[0]")
				.exists());
	}

}
