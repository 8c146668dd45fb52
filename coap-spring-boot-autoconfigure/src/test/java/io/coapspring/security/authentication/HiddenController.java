package io.coapspring.security.authentication;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Answers access denied with 4.04, through its own exception handler, so as not to reveal the resource.
 */
@CoapController
public class HiddenController {

	@CoapGetMapping("/hidden")
	@PreAuthorize("hasRole('ADMIN')")
	public String hidden() {
		return "hidden";
	}

	@CoapExceptionHandler(AccessDeniedException.class)
	CoapResponseEntity<Void> notFound() {
		return CoapResponseEntity.status(ResponseCode.NOT_FOUND).build();
	}

}
