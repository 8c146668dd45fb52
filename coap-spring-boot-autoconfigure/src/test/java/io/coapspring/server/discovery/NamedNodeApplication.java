package io.coapspring.server.discovery;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * An application with a temperature resource and a handler that always fails, for the tests of node names
 * and of unanswered requests.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(NamedNodeApplication.SensorController.class)
public class NamedNodeApplication {

	@CoapController
	static class SensorController {

		@CoapGetMapping(path = "/temperature", resourceType = "temperature-c")
		String temperature() {
			return "21.5";
		}

		@CoapGetMapping(path = "/fails", resourceType = "broken")
		String fails() {
			throw new IllegalStateException("fails on purpose");
		}

	}

}
