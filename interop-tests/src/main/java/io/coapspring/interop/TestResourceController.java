package io.coapspring.interop;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;

/**
 * {@code /test}, the resource of the basic method tests: GET, POST, PUT and DELETE, confirmable or not
 * (TD_COAP_CORE_01 to 08, 10, 12, 15), POST creating at {@code /location1/location2/location3}
 * (TD_COAP_CORE_18). Each response describes the request the server received.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class TestResourceController {

	private static final String PATH = "/test";

	@CoapGetMapping(path = PATH, produces = "text/plain", title = "Default test resource")
	String get(CoapRequest request) {
		return RequestDescription.of(request);
	}

	@CoapPostMapping(path = PATH, produces = "text/plain")
	CoapResponseEntity<String> post(CoapRequest request) {
		return CoapResponseEntity.created("/location1/location2/location3").body(RequestDescription.of(request));
	}

	@CoapPutMapping(path = PATH, produces = "text/plain")
	String put(CoapRequest request) {
		return RequestDescription.of(request) + "\nPayload size: " + request.getPayload().length;
	}

	@CoapDeleteMapping(path = PATH, produces = "text/plain")
	String delete(CoapRequest request) {
		return RequestDescription.of(request);
	}

}
