package io.coapspring.sample;

import java.net.InetAddress;

import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CoAP server's health, mappings and request metrics next to the HTTP ones, over the actuator's HTTP
 * endpoints, which answer on a management port of their own bound to loopback and are out of reach of the
 * CoAP proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
@AutoConfigureCoapTestClient
class SampleActuatorTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CoapTestClient coap;

	@Autowired
	ManagementServerProperties management;

	@LocalCoapPort
	int coapPort;

	@LocalServerPort
	int httpPort;

	@LocalManagementPort
	int managementPort;

	private String actuator(String path) {
		return "http://127.0.0.1:" + this.managementPort + "/actuator" + path;
	}

	@Test
	void managementAnswersOnItsOwnLoopbackPortOnly() {
		assertThat(this.managementPort).isNotEqualTo(this.httpPort);
		InetAddress address = this.management.getAddress();
		assertThat(address).as("management.server.address").isNotNull();
		assertThat(address.isLoopbackAddress()).as("management bound to " + address).isTrue();
		this.http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		this.http.get().uri(actuator("/health")).exchange().expectStatus().isOk();
	}

	@Test
	void theCoapProxyCannotReadTheManagementEndpoints() {
		for (String uri : new String[] { actuator("/health"), actuator("/coap"),
				actuator("/health").replace("127.0.0.1", "localhost"),
				actuator("/health").replace("127.0.0.1", "[::1]"),
				"http://127.0.0.1:" + this.httpPort + "/api/hello", "coap://127.1:" + this.coapPort + "/hello" }) {
			CoapTestRequest proxied = this.coap.get("/");
			proxied.getRequest().getOptions().setProxyUri(uri);
			proxied.exchange()
				.expectCode(uri.startsWith("coap://127.1") ? ResponseCode.BAD_REQUEST : ResponseCode.FORBIDDEN);
		}
	}

	@Test
	void healthShowsTheCoapServer() {
		this.http.get()
			.uri(actuator("/health"))
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
			.uri(actuator("/coap"))
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
			.uri(actuator("/metrics/coap.server.requests?tag={uri}"), "uri:PROXY")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void requestMetricsAreTaggedWithThePattern() {
		this.coap.get("/sensors/1").exchange().expectCode(ResponseCode.CONTENT);
		this.http.get()
			.uri(actuator("/metrics/coap.server.requests?tag={uri}&tag={code}"), "uri:/sensors/{id}", "code:2.05")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((counts) -> assertThat(counts.toString()).as("count").matches("\\[[1-9][0-9]*\\.0\\]"));
		String scrape = this.http.get()
			.uri(actuator("/prometheus"))
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
