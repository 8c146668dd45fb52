package io.coapspring.convert;

/**
 * Thrown when no converter reads a payload of the given Content-Format as the requested type: a server
 * answers 4.15 Unsupported Content-Format.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapContentFormatNotSupportedException extends CoapMessageConversionException {

	private final int contentFormat;

	/**
	 * Create an exception.
	 * @param contentFormat the Content-Format number that cannot be read
	 * @param message the diagnostic
	 */
	public CoapContentFormatNotSupportedException(int contentFormat, String message) {
		super(message, null);
		this.contentFormat = contentFormat;
	}

	/**
	 * Return the Content-Format that cannot be read.
	 * @return the Content-Format number
	 */
	public int getContentFormat() {
		return this.contentFormat;
	}

}
