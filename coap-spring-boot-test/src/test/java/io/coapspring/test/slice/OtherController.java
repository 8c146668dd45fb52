package io.coapspring.test.slice;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

/**
 * Another controller, left out when a {@code @CoapTest} names its controllers.
 */
@CoapController
public class OtherController {

	@CoapGetMapping(path = "/other", produces = "text/plain")
	public String other() {
		return "other";
	}

}
