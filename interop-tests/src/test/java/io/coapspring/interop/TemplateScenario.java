package io.coapspring.interop;

import io.coapspring.client.CoapTemplate;

/**
 * What {@code CoapTemplate} is asked to do with a server nobody here wrote, and the checks, on the wire and on
 * what the template returns.
 *
 * @param id a short identifier
 * @param description what the scenario does
 * @param runner the requests and checks
 */
record TemplateScenario(String id, String description, Runner runner) {

	/**
	 * The requests and checks of a scenario.
	 */
	@FunctionalInterface
	interface Runner {

		void run(CoapTemplate coap, PeerServer server, WireTap tap) throws Exception;

	}

}
