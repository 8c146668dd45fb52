package io.coapspring.rd.server;

import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionNumberRegistry;

/**
 * Turns an {@link RdException} into its answer: the code, the diagnostic as text, Max-Age for a full directory and
 * Size1 for a payload that is too large.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class RdResponses {

	private RdResponses() {
	}

	static CoapResponseEntity<String> of(RdException ex, long maxRegistrationSize) {
		CoapResponseEntity.Builder builder = CoapResponseEntity.status(ex.getCode())
			.contentFormat(MediaTypeRegistry.TEXT_PLAIN);
		if (ex.getRetryAfter() != null) {
			builder.maxAge(ex.getRetryAfter());
		}
		if (ex.getCode() == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
			builder.option(OptionNumberRegistry.SIZE1, maxRegistrationSize);
		}
		return builder.body(String.valueOf(ex.getMessage()));
	}

}
