package io.coapspring.server.discovery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPutMapping;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application whose mappings have path variables, with {@link CoapLinkInstances} beans that list their
 * instances: ids that need encoding, a constrained variable, a rest variable, a supplier that fails.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ LinkInstancesApplication.InstancesController.class, LinkInstancesApplication.OtherController.class })
public class LinkInstancesApplication {

	@Bean
	SensorIds sensorIds() {
		return new SensorIds();
	}

	@Bean
	CoapLinkInstances sensorLinks(SensorIds ids) {
		return CoapLinkInstances.of("/sensors/{id}", () -> ids.ids.stream()
			.map((id) -> id.equals("1") ? CoapLinkInstance.of(id).withTitle("Kitchen \"north\"") : id)
			.toList());
	}

	@Bean
	CoapLinkInstances readingLinks(SensorIds ids) {
		return CoapLinkInstances.of("/sensors/{id}/celsius", () -> ids.ids);
	}

	@Bean
	CoapLinkInstances lightLinks() {
		return CoapLinkInstances.of("/rooms/{room}/lights/{id:\\d+}",
				() -> List.of(Map.of("room", "hall", "id", 3),
						CoapLinkInstance.of("hall", "x"),
						CoapLinkInstance.of(Map.of("room", "attic", "id", "4"))
							.withResourceType("dimmable")
							.withAttribute("anchor", "/rooms/attic")));
	}

	@Bean
	CoapLinkInstances fileLinks() {
		return CoapLinkInstances.of("/files/{*path}", () -> List.of("docs/read me.txt"));
	}

	@Bean
	CoapLinkInstances brokenLinks() {
		return CoapLinkInstances.of("/broken/{id}", () -> {
			throw new IllegalStateException("no ids on purpose");
		});
	}

	/**
	 * The current sensor ids.
	 */
	static class SensorIds {

		final List<String> ids = new CopyOnWriteArrayList<>(List.of("1", "a/b", "living room", "{x}", "ü"));

	}

	@CoapController
	@CoapMapping(path = "/sensors", produces = "text/plain")
	static class InstancesController {

		@CoapGetMapping(path = "/{id}", observable = true, resourceType = "temperature-c", title = "Temperature")
		String sensor(@CoapPathVariable String id) {
			return id;
		}

		@CoapPutMapping(path = "/{id}", consumes = "text/plain")
		void setSensor(@CoapPathVariable String id) {
		}

		@CoapGetMapping(path = "/{id}/celsius", resourceType = "celsius", interfaceDescription = "sensor")
		String celsius(@CoapPathVariable String id) {
			return "21.5";
		}

		@CoapGetMapping(path = "/{id}/history", resourceType = "history")
		String history(@CoapPathVariable String id) {
			return "[]";
		}

		@SuppressWarnings("deprecation")
		@CoapGetMapping(path = "/devices/{id}", discoverAsTemplate = true, resourceType = "device")
		String device(@CoapPathVariable String id) {
			return id;
		}

		@CoapGetMapping(path = "/hidden/{id}", discoverable = false)
		String hidden(@CoapPathVariable String id) {
			return id;
		}

	}

	@CoapController
	static class OtherController {

		@CoapGetMapping(path = "/rooms/{room}/lights/{id:\\d+}", resourceType = "light", observable = true)
		String light(@CoapPathVariable String room, @CoapPathVariable String id) {
			return room + "/" + id;
		}

		@CoapGetMapping(path = "/files/{*path}", resourceType = "file")
		String file(@CoapPathVariable String path) {
			return path;
		}

		@CoapGetMapping(path = "/broken/{id}", resourceType = "broken")
		String broken(@CoapPathVariable String id) {
			return id;
		}

	}

}
