package io.coapspring.server.handler;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapResponseStatus;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseStatusException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Handler methods that fail, and a local exception handler.
 */
@CoapController
@CoapMapping("/errors")
class ErrorsController {

	@CoapGetMapping("/status")
	String status() {
		throw new CoapResponseStatusException(ResponseCode.FORBIDDEN, "no access");
	}

	@CoapGetMapping("/boom")
	String boom() {
		throw new IllegalStateException("secret internal detail");
	}

	@CoapGetMapping("/handled/{id}")
	String handled(@io.coapspring.annotation.CoapPathVariable String id) {
		throw new SensorNotFoundException(id);
	}

	@CoapGetMapping("/advised")
	String advised() {
		throw new QuotaExceededException();
	}

	@CoapGetMapping("/annotated")
	String annotated() {
		throw new BusyException();
	}

	@CoapExceptionHandler
	CoapResponseEntity<String> notFound(SensorNotFoundException ex, CoapRequest request) {
		return CoapResponseEntity.notFound().body("sensor " + ex.getMessage() + " not found at " + request.getPath());
	}

	static class SensorNotFoundException extends RuntimeException {

		SensorNotFoundException(String id) {
			super(id);
		}

	}

	static class QuotaExceededException extends RuntimeException {

	}

	@CoapResponseStatus(value = ResponseCode.CONFLICT, reason = "busy, try again")
	static class BusyException extends RuntimeException {

	}

}
