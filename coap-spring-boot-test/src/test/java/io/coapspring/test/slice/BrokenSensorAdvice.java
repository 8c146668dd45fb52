package io.coapspring.test.slice;

import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Advice of the controllers, part of a {@code @CoapTest}.
 */
@CoapControllerAdvice
public class BrokenSensorAdvice {

	@CoapExceptionHandler
	CoapResponseEntity<String> broken(IllegalArgumentException ex) {
		return CoapResponseEntity.status(ResponseCode.SERVICE_UNAVAILABLE).body(ex.getMessage());
	}

}
