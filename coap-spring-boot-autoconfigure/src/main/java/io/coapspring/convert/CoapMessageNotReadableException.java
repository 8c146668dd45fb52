package io.coapspring.convert;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a payload cannot be parsed as the requested type: a server answers 4.00 Bad Request with
 * the message as diagnostic payload.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMessageNotReadableException extends CoapMessageConversionException {

	/**
	 * Create an exception.
	 * @param message a diagnostic for the peer, for instance the field and the position that failed
	 * @param cause the parser's exception, may be {@code null}
	 */
	public CoapMessageNotReadableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
