package io.coapspring.sample;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tests that the sample adds, updates and removes a CoAP value resource from HTTP while it runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
@AutoConfigureCoapTestClient
class SampleRuntimeResourcesTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private CoapTestClient coap;

	@Test
	void httpAddsUpdatesAndRemovesACoapResource() {
		this.http.put()
			.uri("/runtime-resources/greeting")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")
			.exchange()
			.expectStatus()
			.isCreated();
		this.coap.get("/rt/greeting").exchange().expectCode(ResponseCode.CONTENT).expectPayload("hello");
		this.coap.get("/.well-known/core?rt=sample-value")
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectPayloadSatisfies(String.class,
					(links) -> org.assertj.core.api.Assertions.assertThat(links).contains("</rt/greeting>"));
		this.http.put()
			.uri("/runtime-resources/greeting")
			.contentType(MediaType.TEXT_PLAIN)
			.body("bonjour")
			.exchange()
			.expectStatus()
			.isOk();
		this.coap.get("/rt/greeting").exchange().expectPayload("bonjour");
		this.http.delete().uri("/runtime-resources/greeting").exchange().expectStatus().isNoContent();
		this.coap.get("/rt/greeting").exchange().expectCode(ResponseCode.NOT_FOUND);
		this.http.delete().uri("/runtime-resources/greeting").exchange().expectStatus().isNotFound();
		this.http.put()
			.uri("/runtime-resources/Bad Name")
			.contentType(MediaType.TEXT_PLAIN)
			.body("x")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
