package io.coapspring.test.slice;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.annotation.CoapPutMapping;

@CoapController
public class ValveController {

	@CoapOscoreRequired
	@CoapPutMapping("/valve")
	public void open() {
		throw new IllegalStateException("must not run without OSCORE");
	}

}
