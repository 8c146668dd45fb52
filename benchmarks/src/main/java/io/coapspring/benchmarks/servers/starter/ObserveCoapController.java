package io.coapspring.benchmarks.servers.starter;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.benchmarks.servers.ObservedChanges;
import io.coapspring.benchmarks.servers.ScenarioPaths;

/**
 * The observe scenario written as a user of the starter writes it: an observable handler method, served again
 * for every observer when the scenario's {@link ObservedChanges} publishes a change through the starter's
 * {@link io.coapspring.server.observe.CoapNotifier}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class ObserveCoapController {

	private final ObservedChanges state;

	ObserveCoapController(ObservedChanges state) {
		this.state = state;
	}

	/**
	 * Scenario 4: the state, {@code "<sequence> <nanoTime of the change>"}, observable.
	 * @return the payload
	 */
	@CoapGetMapping(path = ScenarioPaths.OBSERVE, produces = "text/plain", observable = true)
	String observe() {
		return this.state.payload();
	}

}
