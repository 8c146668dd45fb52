package io.coapspring.convert;

/**
 * Thrown when a value cannot be written in the Content-Format a request's Accept option asks for: a
 * server answers 4.06 Not Acceptable.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapNotAcceptableException extends CoapMessageConversionException {

	private final int accept;

	/**
	 * Create an exception.
	 * @param accept the Content-Format number asked for
	 * @param message the diagnostic
	 */
	public CoapNotAcceptableException(int accept, String message) {
		super(message, null);
		this.accept = accept;
	}

	/**
	 * Return the Content-Format asked for.
	 * @return the Content-Format number
	 */
	public int getAccept() {
		return this.accept;
	}

}
