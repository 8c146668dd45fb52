package io.coapspring.client;

/**
 * Thrown when the peer answered a request with a Reset (RST) message: it received the request but could
 * not process it, for instance because it lacks context for it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapResetException extends CoapClientException {

	/**
	 * Create an exception.
	 * @param message the detail message, naming the request
	 */
	public CoapResetException(String message) {
		super(message);
	}

}
