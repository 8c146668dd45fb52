package io.coapspring.sample;

import java.io.File;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the sample application over both of its faces: HTTP on a random port and CoAP on a random UDP port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
@AutoConfigureCoapTestClient
class SampleHttpAndCoapTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private CoapTestClient coap;

	@Autowired
	private GreetingService greetings;

	@Test
	void httpGetGreets() {
		this.http.get()
			.uri("/api/hello?name=Bob")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.greeting")
			.isEqualTo("Hello, Bob!");
	}

	@Test
	void coapGetGreets() {
		this.coap.get("/hello?name={name}", "Ada")
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectContentFormat(MediaTypeRegistry.TEXT_PLAIN)
			.expectPayload("Hello, Ada!");
	}

	@Test
	void bothProtocolsShareTheGreetingService() {
		long before = this.greetings.count();
		this.http.get().uri("/api/hello").exchange().expectStatus().isOk();
		this.coap.get("/hello").exchange().expectPayload("Hello, CoAP!");
		assertThat(this.greetings.count()).isEqualTo(before + 2);
	}

	@Test
	void noCaliforniumPropertiesFileIsWritten() {
		this.coap.get("/hello").exchange().expectCode(ResponseCode.CONTENT);
		File file = new File(System.getProperty("user.dir"), Configuration.DEFAULT_FILE_NAME);
		assertThat(file).as("Californium's standard configuration file in the working directory").doesNotExist();
	}

}
