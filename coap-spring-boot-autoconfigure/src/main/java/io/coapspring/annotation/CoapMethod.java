package io.coapspring.annotation;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.jspecify.annotations.Nullable;

/**
 * The CoAP request methods a handler can be mapped to: the four of RFC 7252 and FETCH, PATCH and iPATCH of
 * RFC 8132.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum CoapMethod {

	/**
	 * GET (0.01): retrieve a representation.
	 */
	GET(Code.GET),

	/**
	 * POST (0.02): process the payload, for instance to create a resource.
	 */
	POST(Code.POST),

	/**
	 * PUT (0.03): create or replace the resource with the payload.
	 */
	PUT(Code.PUT),

	/**
	 * DELETE (0.04): delete the resource.
	 */
	DELETE(Code.DELETE),

	/**
	 * FETCH (0.05, RFC 8132): retrieve a representation selected by the payload.
	 */
	FETCH(Code.FETCH),

	/**
	 * PATCH (0.06, RFC 8132): apply a set of changes, not idempotent.
	 */
	PATCH(Code.PATCH),

	/**
	 * iPATCH (0.07, RFC 8132): apply a set of changes, idempotent.
	 */
	IPATCH(Code.IPATCH);

	private final Code code;

	CoapMethod(Code code) {
		this.code = code;
	}

	/**
	 * Return Californium's code of this method.
	 * @return the request code
	 */
	public Code toCode() {
		return this.code;
	}

	/**
	 * Return whether responses to this method are representations of the target resource that an ETag, a 2.03
	 * Valid and an Observe relation apply to.
	 * @return {@code true} for GET and FETCH
	 */
	public boolean isRetrieval() {
		return this == GET || this == FETCH;
	}

	/**
	 * Return the method of a Californium request code.
	 * @param code the request code
	 * @return the method, or {@code null} for a code that is not one of the seven methods
	 */
	public static @Nullable CoapMethod from(@Nullable Code code) {
		if (code == null) {
			return null;
		}
		for (CoapMethod method : values()) {
			if (method.code == code) {
				return method;
			}
		}
		return null;
	}

}
