package io.coapspring.server.invocation;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Thrown when a handler method needs the identity of an authenticated peer and the request has none, for
 * instance a required {@link java.security.Principal} parameter on a request over plain UDP. Answered with 4.01
 * Unauthorized.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapAuthenticationRequiredException extends CoapResponseStatusException {

	/**
	 * The diagnostic sent to the client.
	 */
	public static final String DEFAULT_MESSAGE = "Authentication required: send the request over DTLS (coaps)";

	/**
	 * Create an exception with the default diagnostic.
	 */
	public CoapAuthenticationRequiredException() {
		this(DEFAULT_MESSAGE);
	}

	/**
	 * Create an exception.
	 * @param message the diagnostic sent to the client
	 */
	public CoapAuthenticationRequiredException(String message) {
		super(ResponseCode.UNAUTHORIZED, message);
	}

}
