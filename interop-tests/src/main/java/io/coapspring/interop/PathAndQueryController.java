package io.coapspring.interop;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;

/**
 * Several Uri-Path options (TD_COAP_CORE_13), several Uri-Query options (TD_COAP_CORE_14) and several
 * Location-Query options (TD_COAP_CORE_19).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class PathAndQueryController {

	@CoapGetMapping(path = "/seg1/seg2/seg3", produces = "text/plain", title = "Long path resource")
	String segments(CoapRequest request) {
		return "Path: " + request.getPath() + "\n" + RequestDescription.of(request);
	}

	@CoapGetMapping(path = "/query", produces = "text/plain", title = "Resource accepting query parameters")
	String query(CoapRequest request) {
		return RequestDescription.of(request);
	}

	@CoapPostMapping(path = "/location-query", produces = "text/plain", title = "Location-Query creator")
	CoapResponseEntity<String> locationQuery(CoapRequest request) {
		return CoapResponseEntity.created("?first=1&second=2").body(RequestDescription.of(request));
	}

}
