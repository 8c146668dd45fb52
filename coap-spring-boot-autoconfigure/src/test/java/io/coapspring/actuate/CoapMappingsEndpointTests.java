package io.coapspring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.coapspring.actuate.endpoint.CoapMappingsEndpoint;
import io.coapspring.annotation.CoapMethod;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapTemplate;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JSON of the {@code coap} endpoint for a running application.
 */
@SpringBootTest(classes = ObservedApplication.class, properties = { "coap.server.port=0",
		"coap.server.address=127.0.0.1", "management.endpoints.web.exposure.include=coap",
		"spring.main.banner-mode=off" })
class CoapMappingsEndpointTests {

	@LocalCoapPort
	int port;

	@Autowired
	CoapMappingsEndpoint endpoint;

	@Autowired
	CoapTemplate coap;

	@Autowired
	CoapHandlerMappingRegistry registry;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void describesMappingsResourcesAndEndpoints() {
		DocumentContext document = JsonPath.parse(this.json.writeValueAsString(this.endpoint.coap()));
		List<Map<String, Object>> things = document.read("$.mappings[?(@.pattern == '/things/{id}')]");
		assertThat(things).singleElement().satisfies((mapping) -> {
			assertThat(mapping).containsEntry("methods", List.of("GET"))
				.containsEntry("disabledMethods", List.of())
				.containsEntry("handler",
						"io.coapspring.actuate.ObservedApplication$ThingsController#thing(String)")
				.containsEntry("consumes", List.of())
				.containsEntry("produces", List.of("text/plain"))
				.containsEntry("observable", true)
				.containsEntry("discoverable", true);
		});
		assertThat(document.<List<String>>read("$.mappings[*].pattern")).containsExactly("/things/{id}/slow",
				"/things/{id}");
		assertThat(document.<List<String>>read("$.resources[*].path")).contains("/legacy", "/.well-known/core");
		assertThat(document.<List<Object>>read("$.endpoints")).singleElement()
			.isEqualTo(Map.of("uri", "coap://127.0.0.1:" + this.port, "scheme", "coap", "address", "127.0.0.1",
					"port", this.port, "started", true));
		assertThat(document.<Map<String, Object>>read("$.observeRelations")).isEmpty();
	}

	@Test
	void showsDisabledMethods() {
		this.registry.setEnabled("/things/{id}", CoapMethod.GET, false);
		try {
			DocumentContext document = JsonPath.parse(this.json.writeValueAsString(this.endpoint.coap()));
			assertThat(document.<List<List<String>>>read("$.mappings[?(@.pattern == '/things/{id}')].disabledMethods"))
				.containsExactly(List.of("GET"));
		}
		finally {
			this.registry.setEnabled("/things/{id}", CoapMethod.GET, true);
		}
	}

	@Test
	void countsObserveRelationsPerConcreteUri() {
		String base = "coap://127.0.0.1:" + this.port;
		CoapObservation<String> first = this.coap.observe(base + "/things/5", String.class, (value) -> {
		});
		CoapTemplate other = this.coap.mutate().dedicatedEndpoints().build();
		CoapObservation<String> second = other.observe(base + "/things/5", String.class, (value) -> {
		});
		CoapObservation<String> legacy = this.coap.observe(base + "/legacy", String.class, (value) -> {
		});
		try {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(JsonPath.parse(this.json.writeValueAsString(this.endpoint.coap()))
					.<Map<String, Object>>read("$.observeRelations"))
					.isEqualTo(Map.of("/things/5", 2, "/legacy", 1)));
		}
		finally {
			first.cancel();
			second.cancel();
			legacy.cancel();
			try {
				await().atMost(Duration.ofSeconds(5)).until(() -> this.endpoint.coap().observeRelations().isEmpty());
			}
			finally {
				other.close();
			}
		}
	}

}
