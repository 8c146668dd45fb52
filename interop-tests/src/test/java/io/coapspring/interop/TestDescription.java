package io.coapspring.interop;

/**
 * A test description of the ETSI CoAP#4 plugtests (TD_COAP_CORE, TD_COAP_LINK, TD_COAP_BLOCK, TD_COAP_OBS) and
 * how the suite runs it: the stimuli a client is asked for, and the checks on the wire and on what the client
 * shows. A description that no client can be asked for in this suite (a proxy in the middle, a number the
 * CoAP#4 descriptions do not use) says why instead.
 *
 * @param id the identifier, for instance {@code TD_COAP_CORE_01}
 * @param objective the objective, as the description states it
 * @param runner the stimuli and checks, {@code null} when not run
 * @param notApplicable why the suite does not run it, {@code null} when it does
 * @param pending whether it waits for a feature of the server (then {@code notApplicable} says which)
 */
record TestDescription(String id, String objective, Runner runner, String notApplicable, boolean pending) {

	static TestDescription of(String id, String objective, Runner runner) {
		return new TestDescription(id, objective, runner, null, false);
	}

	static TestDescription notApplicable(String id, String objective, String reason) {
		return new TestDescription(id, objective, null, reason, false);
	}

	static TestDescription pending(String id, String objective, String reason) {
		return new TestDescription(id, objective, null, reason, true);
	}

	/**
	 * The stimuli and checks of a test description.
	 */
	@FunctionalInterface
	interface Runner {

		void run(PlugtestCase test) throws Exception;

	}

}
