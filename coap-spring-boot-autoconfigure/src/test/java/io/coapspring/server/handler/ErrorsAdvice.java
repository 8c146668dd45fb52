package io.coapspring.server.handler;

import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapResponseStatus;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Exception handlers shared by the test controllers.
 */
@CoapControllerAdvice(assignableTypes = ErrorsController.class)
class ErrorsAdvice {

	@CoapExceptionHandler(ErrorsController.QuotaExceededException.class)
	@CoapResponseStatus(ResponseCode.TOO_MANY_REQUESTS)
	String quota() {
		return "quota exceeded";
	}

}
