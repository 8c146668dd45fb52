package io.coapspring.interop;

import java.util.List;

/**
 * TD_COAP_OBS_01 to 10 of the ETSI CoAP#4 plugtests, listed as pending: the server of this branch registers
 * observations but sends no notifications yet; {@code CoapNotifier} comes with the observe feature.
 */
final class PendingObserveTestDescriptions {

	private static final String PENDING = "pending the observe feature (CoapNotifier, RFC 7641 notifications), "
			+ "which is not on this branch yet";

	private PendingObserveTestDescriptions() {
	}

	static List<TestDescription> all() {
		return List.of(
				TestDescription.pending("TD_COAP_OBS_01", "Handle resource observation with CON messages", PENDING),
				TestDescription.pending("TD_COAP_OBS_02", "Handle resource observation with NON messages", PENDING),
				TestDescription.notApplicable("TD_COAP_OBS_03", "(no such description in CoAP#4)",
						"the CoAP#4 test descriptions have no TD_COAP_OBS_03"),
				TestDescription.pending("TD_COAP_OBS_04", "Client detection of deregistration (Max-Age)", PENDING),
				TestDescription.pending("TD_COAP_OBS_05", "Server detection of deregistration (client OFF)", PENDING),
				TestDescription.pending("TD_COAP_OBS_06", "Server detection of deregistration (explicit RST)", PENDING),
				TestDescription.pending("TD_COAP_OBS_07", "Server cleans the observers list on DELETE", PENDING),
				TestDescription.pending("TD_COAP_OBS_08",
						"Server cleans the observers list when observed resource content-format changes", PENDING),
				TestDescription.pending("TD_COAP_OBS_09", "Update of the observed resource", PENDING),
				TestDescription.pending("TD_COAP_OBS_10", "GET does not cancel resource observation", PENDING));
	}

}
