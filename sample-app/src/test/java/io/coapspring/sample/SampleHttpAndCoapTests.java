package io.coapspring.sample;

import java.io.File;

import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
class SampleHttpAndCoapTests {

	@Autowired
	private RestTestClient http;

	@Autowired
	private GreetingService greetings;

	@LocalCoapPort
	private int coapPort;

	private CoapEndpoint clientEndpoint;

	@BeforeEach
	void createClientEndpoint() {
		// an endpoint of its own: never Californium's static default endpoint and Configuration.getStandard()
		this.clientEndpoint = new CoapEndpoint.Builder()
			.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS))
			.build();
	}

	@AfterEach
	void destroyClientEndpoint() {
		this.clientEndpoint.destroy();
	}

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
	void coapGetGreets() throws Exception {
		CoapResponse response = coapGet("/hello?name=Ada");
		assertThat(response).isNotNull();
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(response.getResponseText()).isEqualTo("Hello, Ada!");
	}

	@Test
	void bothProtocolsShareTheGreetingService() throws Exception {
		long before = this.greetings.count();
		this.http.get().uri("/api/hello").exchange().expectStatus().isOk();
		assertThat(coapGet("/hello").getResponseText()).isEqualTo("Hello, CoAP!");
		assertThat(this.greetings.count()).isEqualTo(before + 2);
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
	void coapProxyForwardsToAllowedDestinations() throws Exception {
		Request request = Request.newGet();
		request.setURI("coap://127.0.0.1:" + this.coapPort);
		request.getOptions().setProxyUri("coap://127.0.0.1:" + this.coapPort + "/hello?name=Proxy");
		CoapClient client = new CoapClient();
		client.setEndpoint(this.clientEndpoint);
		client.setTimeout(5_000L);
		try {
			CoapResponse response = client.advanced(request);
			assertThat(response.getResponseText()).isEqualTo("Hello, Proxy!");
			Request denied = Request.newGet();
			denied.setURI("coap://127.0.0.1:" + this.coapPort);
			denied.getOptions().setProxyUri("coap://127.0.0.2:5683/hello");
			assertThat(client.advanced(denied).getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void noCaliforniumPropertiesFileIsWritten() throws Exception {
		assertThat(coapGet("/hello")).isNotNull();
		File file = new File(System.getProperty("user.dir"), Configuration.DEFAULT_FILE_NAME);
		assertThat(file).as("Californium's standard configuration file in the working directory").doesNotExist();
	}

	private CoapResponse coapGet(String pathAndQuery) throws Exception {
		CoapClient client = new CoapClient("coap://127.0.0.1:" + this.coapPort + pathAndQuery);
		client.setEndpoint(this.clientEndpoint);
		client.setTimeout(5_000L);
		try {
			return client.get();
		}
		finally {
			client.shutdown();
		}
	}

}
