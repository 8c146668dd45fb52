package io.coapspring.server;

/**
 * Thrown when the CoAP server cannot start or stop.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public CoapServerException(String message, Throwable cause) {
		super(message, cause);
	}

}
