package io.coapspring.sample;

import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CoAP server's health, mappings and request metrics next to the HTTP ones, over the actuator's HTTP
 * endpoints.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
@AutoConfigureCoapTestClient
class SampleActuatorTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CoapTestClient coap;

	@LocalCoapPort
	int coapPort;

	@Test
	void healthShowsTheCoapServer() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.coap.status")
			.isEqualTo("UP")
			.jsonPath("$.components.coap.details.endpoints[0].started")
			.isEqualTo(true);
	}

	@Test
	void coapEndpointListsMappingsAndEndpoints() {
		this.http.get()
			.uri("/actuator/coap")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mappings[?(@.pattern == '/sensors/{id}' && @.methods[0] == 'GET')].handler")
			.isEqualTo("io.coapspring.sample.SensorCoapController#get(String)")
			.jsonPath("$.mappings[?(@.pattern == '/sensors/{id}' && @.methods[0] == 'GET')].observable")
			.isEqualTo(true)
			.jsonPath("$.mappings[?(@.pattern == '/hello')].produces[0]")
			.isEqualTo("text/plain")
			.jsonPath("$.endpoints[0].port")
			.isEqualTo(this.coapPort);
	}

	@Test
	void forwardedRequestsAreTaggedAsProxied() {
		CoapTestRequest forwarded = this.coap.get("/");
		forwarded.getRequest().getOptions().setProxyUri("coap://127.0.0.1:" + this.coapPort + "/hello?name=Proxy");
		forwarded.exchange().expectPayload("Hello, Proxy!");
		this.http.get()
			.uri("/actuator/metrics/coap.server.requests?tag={uri}", "uri:PROXY")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void requestMetricsAreTaggedWithThePattern() {
		this.coap.get("/sensors/1").exchange().expectCode(ResponseCode.CONTENT);
		this.http.get()
			.uri("/actuator/metrics/coap.server.requests?tag={uri}&tag={code}", "uri:/sensors/{id}", "code:2.05")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((counts) -> assertThat(counts.toString()).as("count").matches("\\[[1-9][0-9]*\\.0\\]"));
		String scrape = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(scrape.lines().filter((line) -> line.startsWith("coap_server_requests_seconds_count{")))
			.anySatisfy((line) -> assertThat(line).contains("code=\"2.05\"", "method=\"GET\"", "outcome=\"SUCCESS\"",
					"uri=\"/sensors/{id}\""));
		assertThat(scrape).contains("coap_server_observe_relations")
			.contains("coap_server_malformed_total{scheme=\"coap\"}");
	}

}
