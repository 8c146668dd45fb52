package io.coapspring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sample as a second node, as README.md starts it: no LWM2M server and no Resource Directory of its own. It
 * still starts, and its LWM2M HTTP API is simply not there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "coap.server.endpoint-name=coap-sample-2",
				"coap.lwm2m.server.enabled=false", "coap.rd.server.enabled=false", "coap.rd.client.enabled=false" })
@AutoConfigureRestTestClient
class SampleSecondNodeTests {

	@Autowired
	private RestTestClient http;

	@Test
	void startsWithoutLwm2mServerAndDirectory() {
		this.http.get().uri("/api/hello").exchange().expectStatus().isOk();
		this.http.get().uri("/api/lwm2m/devices").exchange().expectStatus().isNotFound();
	}

}
