package io.coapspring.proxy;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;

import org.springframework.util.Assert;

/**
 * A proxied request that cannot be forwarded, with the response code that answers it: 4.00 for a malformed
 * Proxy-Uri, 5.05 for an unsupported scheme, 5.02 for an option the proxy cannot forward.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class InvalidProxyRequestException extends RuntimeException {

	private final ResponseCode code;

	/**
	 * Create an exception.
	 * @param code the response code
	 * @param message the diagnostic, sent as the payload
	 */
	public InvalidProxyRequestException(ResponseCode code, String message) {
		super(message);
		Assert.notNull(code, "'code' must not be null");
		this.code = code;
	}

	/**
	 * Return the response code.
	 * @return the code
	 */
	public ResponseCode getCode() {
		return this.code;
	}

}
