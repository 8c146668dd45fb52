package io.coapspring.convert;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value cannot be written as a payload: a server answers 5.00 Internal Server Error.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageNotWritableException extends CoapMessageConversionException {

	/**
	 * Create an exception.
	 * @param message what could not be written
	 * @param cause the serializer's exception, may be {@code null}
	 */
	public CoapMessageNotWritableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
