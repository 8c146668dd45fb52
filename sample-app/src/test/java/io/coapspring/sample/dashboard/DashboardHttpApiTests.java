package io.coapspring.sample.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.coapspring.sample.SensorService;
import io.coapspring.sample.Threshold;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's HTTP API against the running sample with its simulated devices: the devices panel, the series of
 * the chart, the live stream and its bound, and the controls with the devices' own answers.
 */
class DashboardHttpApiTests extends DashboardTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	private RestTestClient http;

	@Autowired
	private SensorService sensors;

	@Autowired
	private ReadingBroadcaster broadcaster;

	@LocalServerPort
	private int port;

	@Test
	void devicesListTheSensorsTheDirectorysNodesAndTheLwm2mDevice() {
		await().atMost(WAIT).untilAsserted(() -> {
			String devices = get("/api/dashboard/devices");
			assertThat(read(devices, "$[?(@.kind == 'sensor')].name")).contains("Kitchen", "Cellar");
			assertThat(read(devices, "$[?(@.kind == 'rd')].endpoint")).contains("coap-sample", "sim-node-1",
					"sim-node-2");
			assertThat(read(devices, "$[?(@.endpoint == 'sim-node-1')].resources[0]")).containsExactly("/humidity");
			assertThat(read(devices, "$[?(@.endpoint == 'sim-node-1')].address").get(0).toString())
				.startsWith("coap://127.0.0.1:");
			assertThat(read(devices, "$[?(@.kind == 'lwm2m')].endpoint")).containsExactly("sample-device");
			assertThat(read(devices, "$[?(@.online == false)].endpoint")).isEmpty();
			assertThat(read(devices, "$[?(@.kind == 'sensor')].lastSeen")).doesNotContainNull();
		});
	}

	@Test
	void everySeriesReceivesReadings() {
		await().atMost(WAIT).untilAsserted(() -> {
			String series = get("/api/dashboard/series");
			assertThat(read(series, "$[*].id")).contains("coap:sensor/1", "coap:sensor/2",
					"coap:sim-node-1/humidity", "coap:sim-node-2/humidity", "lwm2m:sample-device/3/0/9");
			for (Object points : read(series, "$[*].points.length()")) {
				assertThat((Integer) points).isGreaterThanOrEqualTo(2);
			}
		});
	}

	@Test
	void theHttpApiIsDescribedAsOpenApi() {
		String api = get("/v3/api-docs");
		assertThat(read(api, "$.openapi").get(0).toString()).startsWith("3.");
		Map<String, Object> paths = JsonPath.read(api, "$.paths");
		assertThat(paths).containsKeys("/api/dashboard/devices", "/api/dashboard/series", "/api/dashboard/readings",
				"/api/dashboard/sensors/{id}/threshold", "/api/dashboard/lwm2m/{endpoint}/write",
				"/api/dashboard/lwm2m/{endpoint}/execute", "/api/lwm2m/devices", "/api/rd/resources");
	}

	private String get(String uri) {
		String body = this.http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	private static List<Object> read(String json, String path) {
		Object value = JsonPath.read(json, path);
		return (value instanceof List<?> list) ? new ArrayList<>(list) : List.of(value);
	}

	@Test
	void thresholdWriteGoesToTheSensorOverCoapAndIsReadBack() {
		this.http.put()
			.uri("/api/dashboard/sensors/2/threshold")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"celsius\":17.5,\"direction\":\"below\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.protocol")
			.isEqualTo("CoAP")
			.jsonPath("$.code")
			.isEqualTo("2.04 CHANGED")
			.jsonPath("$.state.celsius")
			.isEqualTo(17.5)
			.jsonPath("$.state.direction")
			.isEqualTo("below");
		assertThat(this.sensors.find("2").orElseThrow().threshold()).isEqualTo(new Threshold(17.5, "below"));
	}

	@Test
	void badThresholdGetsTheSensorsDiagnostic() {
		this.http.put()
			.uri("/api/dashboard/sensors/2/threshold")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"celsius\":500,\"direction\":\"sideways\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("4.00 BAD_REQUEST")
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.diagnostic")
			.value(String.class, (diagnostic) -> assertThat(diagnostic).contains("celsius"));
		this.http.put()
			.uri("/api/dashboard/sensors/99/threshold")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"celsius\":20,\"direction\":\"above\"}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("4.04 NOT_FOUND");
	}

	@Test
	void lwm2mControlsAnswerWithTheDevicesCodes() {
		await().atMost(WAIT)
			.untilAsserted(() -> this.http.post()
				.uri("/api/dashboard/lwm2m/sample-device/execute?path=/3/0/4")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("2.04 CHANGED"));
		this.http.put()
			.uri("/api/dashboard/lwm2m/sample-device/write?path=/3/0/14")
			.contentType(MediaType.TEXT_PLAIN)
			.body("+02:00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("+02:00");
		this.http.put()
			.uri("/api/dashboard/lwm2m/sample-device/write?path=/3/0/0")
			.contentType(MediaType.TEXT_PLAIN)
			.body("renamed")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.diagnostic")
			.isNotEmpty();
		this.http.post()
			.uri("/api/dashboard/lwm2m/nobody/execute?path=/3/0/4")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void liveReadingsAreServerSentEventsForABoundedNumberOfBrowsers() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/dashboard/readings"))
			.header("Accept", "text/event-stream")
			.build();
		List<InputStream> streams = new ArrayList<>();
		try {
			await().atMost(WAIT).until(() -> this.broadcaster.clients() == 0);
			for (int i = 0; i < 3; i++) {
				HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
				assertThat(response.statusCode()).isEqualTo(200);
				streams.add(response.body());
			}
			BufferedReader events = new BufferedReader(new InputStreamReader(streams.get(0), StandardCharsets.UTF_8));
			assertThat(events.readLine()).isEqualTo("event:history");
			assertThat(events.readLine()).startsWith("data:[{\"id\":");
			String line;
			do {
				line = events.readLine();
			}
			while (line != null && !line.equals("event:reading"));
			assertThat(events.readLine()).startsWith("data:{\"series\":");
			HttpResponse<String> refused = client.send(request, BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
		}
		finally {
			for (InputStream stream : streams) {
				stream.close();
			}
		}
		// a browser that went away is dropped at the next reading sent to it
		await().atMost(WAIT).until(() -> this.broadcaster.clients() == 0);
	}

}
