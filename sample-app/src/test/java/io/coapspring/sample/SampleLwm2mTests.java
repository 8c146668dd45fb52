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
 * The sample as an LWM2M server: its demo device registers, and the HTTP API lists, reads, writes and executes
 * through Lwm2mTemplate.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "sample.lwm2m-device.enabled=true" })
@AutoConfigureRestTestClient
class SampleLwm2mTests {

	@Autowired
	private RestTestClient http;

	@Test
	void managesTheDemoDeviceOverHttp() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.http.get()
				.uri("/api/lwm2m/devices")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].endpoint")
				.isEqualTo("sample-device"));
		this.http.get()
			.uri("/api/lwm2m/devices/sample-device/read?path=/3/0/0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.value")
			.isEqualTo("CoAP Spring Boot");
		this.http.put()
			.uri("/api/lwm2m/devices/sample-device/write?path=/3/0/14")
			.body("+03:00")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/api/lwm2m/devices/sample-device/read?path=/3/0/14")
			.exchange()
			.expectBody()
			.jsonPath("$.value")
			.isEqualTo("+03:00");
		// the demo device reboots (DemoDeviceObject)
		this.http.post()
			.uri("/api/lwm2m/devices/sample-device/execute?path=/3/0/4")
			.exchange()
			.expectStatus()
			.isOk();
		// the device's own error code: it has no factory reset
		this.http.post()
			.uri("/api/lwm2m/devices/sample-device/execute?path=/3/0/5")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.lwm2mCode")
			.isEqualTo(404);
		// caught before sending: the manufacturer is not executable
		this.http.post()
			.uri("/api/lwm2m/devices/sample-device/execute?path=/3/0/0")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.put()
			.uri("/api/lwm2m/devices/sample-device/write?path=/3/0/0")
			.body("nope")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.get()
			.uri("/api/lwm2m/devices/nobody/read?path=/3/0/0")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
