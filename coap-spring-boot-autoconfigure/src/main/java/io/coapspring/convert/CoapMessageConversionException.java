package io.coapspring.convert;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the failures to convert a CoAP payload.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class CoapMessageConversionException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message a diagnostic fit for the peer: it names what was wrong, never internals
	 * @param cause the cause, may be {@code null}
	 */
	protected CoapMessageConversionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
