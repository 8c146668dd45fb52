package io.coapspring.sample;

import java.io.File;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestRequest;
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

	@LocalCoapPort
	private int coapPort;

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
	void httpListsTheCoapNodesThatAnswerDiscovery() {
		// a node's own URI rather than a multicast group: tests send no multicast from the machine's namespace
		String node = "coap://127.0.0.1:" + this.coapPort;
		this.http.get()
			.uri("/api/coap-nodes?uri={uri}&filter=rt=temperature-c", node)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("coap-sample")
			.jsonPath("$[0].uri")
			.isEqualTo(node)
			// every sensor and its reading, as concrete paths (SensorDiscoveryConfiguration)
			.jsonPath("$[0].resources[0]")
			.isEqualTo("/sensors/1")
			.jsonPath("$[0].resources[1]")
			.isEqualTo("/sensors/1/celsius");
		this.http.get()
			.uri("/api/coap-nodes/coap-sample?uri={uri}", node)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.uri")
			.isEqualTo(node);
		this.http.get().uri("/api/coap-nodes/garage?uri={uri}", node).exchange().expectStatus().isNotFound();
	}

	@Test
	void httpGatewayReachesTheCoapSide() {
		this.http.get()
			.uri("/coap/127.0.0.1:" + this.coapPort + "/hello?name=Web")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/plain")
			.expectHeader()
			.valueEquals("Cache-Control", "max-age=60")
			.expectBody(String.class)
			.isEqualTo("Hello, Web!");
		this.http.get()
			.uri("/coap/127.0.0.1:" + this.coapPort + "/sensors")
			.header("Accept", "application/json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/json");
	}

	@Test
	void coapProxyForwardsToAllowedDestinations() {
		CoapTestRequest forwarded = this.coap.get("/");
		forwarded.getRequest().getOptions().setProxyUri("coap://127.0.0.1:" + this.coapPort + "/hello?name=Proxy");
		forwarded.exchange().expectPayload("Hello, Proxy!");
		CoapTestRequest denied = this.coap.get("/");
		denied.getRequest().getOptions().setProxyUri("coap://127.0.0.2:5683/hello");
		denied.exchange().expectCode(ResponseCode.FORBIDDEN);
	}

	@Test
	void noCaliforniumPropertiesFileIsWritten() {
		this.coap.get("/hello").exchange().expectCode(ResponseCode.CONTENT);
		File file = new File(System.getProperty("user.dir"), Configuration.DEFAULT_FILE_NAME);
		assertThat(file).as("Californium's standard configuration file in the working directory").doesNotExist();
	}

}
