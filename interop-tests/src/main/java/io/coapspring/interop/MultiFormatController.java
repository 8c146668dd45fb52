package io.coapspring.interop;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.invocation.CoapRequest;

/**
 * {@code /multi-format}, one resource in two formats chosen by the Accept option: text/plain and
 * application/xml (TD_COAP_CORE_20).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class MultiFormatController {

	private static final String PATH = "/multi-format";

	@CoapGetMapping(path = PATH, produces = "text/plain", title = "Resource that exists in different content formats")
	String text(CoapRequest request) {
		return RequestDescription.of(request);
	}

	@CoapGetMapping(path = PATH, produces = "application/xml")
	String xml(CoapRequest request) {
		return "<msg type=\"" + request.unwrap().getType() + "\" code=\"" + request.unwrap().getCode() + "\" mid=\""
				+ request.unwrap().getMID() + "\" accept=\"" + request.getAccept() + "\"/>";
	}

}
