package io.coapspring.benchmarks.servers.starter;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import jakarta.validation.Valid;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The GET and JSON POST scenarios written as a user of the starter writes them: annotated handler methods,
 * so that the benchmark measures the annotated dispatch, conversion and validation, against the raw
 * Californium resources doing the same work.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
@ConditionalOnProperty(name = StarterBenchmarkApplication.NON_BLOCKING_PROPERTY, havingValue = "false",
		matchIfMissing = true)
class BenchmarkCoapController {

	/**
	 * Scenario 1 and 2: 5 bytes of text.
	 * @return the payload
	 */
	@CoapGetMapping(path = ScenarioPaths.HELLO, produces = "text/plain")
	String hello() {
		return ScenarioPaths.HELLO_PAYLOAD;
	}

	/**
	 * Scenario 3: a 200-byte JSON body bound to a validated record; 2.04 when valid, 4.00 otherwise.
	 * @param reading the reading
	 */
	@CoapPostMapping(path = ScenarioPaths.READING, consumes = "application/json")
	void reading(@CoapPayload @Valid Reading reading) {
	}

}
