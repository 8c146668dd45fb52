package io.coapspring.test.slice;

import io.coapspring.test.autoconfigure.CoapTest;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A {@link CoapTest @CoapTest} enforces {@code @CoapOscoreRequired} as the application does: without an OSCORE
 * context, the method refuses the request instead of running.
 */
@CoapTest(controllers = ValveController.class, properties = "coap.server.address=127.0.0.1")
class CoapTestOscoreRequiredTests {

	@Autowired
	CoapTestClient client;

	@Test
	void unprotectedRequestToAMethodThatRequiresOscoreIsUnauthorized() {
		this.client.put("/valve").exchange().expectCode(ResponseCode.UNAUTHORIZED);
	}

}
