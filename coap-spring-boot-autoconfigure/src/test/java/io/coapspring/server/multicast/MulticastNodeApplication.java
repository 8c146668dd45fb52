package io.coapspring.server.multicast;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.context.CoapServerStartedEvent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A CoAP node that {@link MulticastGroupsNamespaceTests} starts in a JVM of its own inside a node namespace, with
 * {@code --coap.multicast.*}, {@code --coap.server.endpoint-name} and {@code --node.sensor-type} arguments.
 * It prints {@code NODE-READY} once its server is started, and ends when the JVM that started it ends.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(MulticastNodeApplication.NodeController.class)
public class MulticastNodeApplication {

	public static void main(String[] args) {
		ProcessHandle.current().parent().ifPresent((parent) -> parent.onExit().thenRun(() -> System.exit(2)));
		SpringApplication application = new SpringApplication(MulticastNodeApplication.class);
		application.setDefaultProperties(java.util.Map.of("spring.main.web-application-type", "none",
				"spring.main.banner-mode", "off"));
		application.run(args);
	}

	@Bean
	ApplicationListener<CoapServerStartedEvent> announceReady() {
		return (event) -> System.out.println("NODE-READY");
	}

	@CoapController
	static class NodeController {

		private final String name;

		NodeController(@Value("${coap.server.endpoint-name}") String name) {
			this.name = name;
		}

		@CoapGetMapping(path = "/hello", resourceType = "greeting")
		String hello() {
			return "hello from " + this.name;
		}

		@CoapGetMapping(path = "/sensor", resourceType = "${node.sensor-type}")
		String sensor() {
			return this.name;
		}

		@CoapGetMapping("/fails")
		String fails() {
			throw new IllegalStateException("fails on purpose");
		}

	}

}
