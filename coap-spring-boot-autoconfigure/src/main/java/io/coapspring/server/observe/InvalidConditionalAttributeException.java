package io.coapspring.server.observe;

import org.springframework.util.Assert;

/**
 * Thrown when the query of an observe registration carries a conditional attribute with an invalid value, or
 * attributes that contradict each other; the registration is answered with 4.00 Bad Request and the message as
 * diagnostic.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class InvalidConditionalAttributeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String attribute;

	/**
	 * Create an exception.
	 * @param attribute the name of the offending attribute, as sent
	 * @param message what is wrong with it
	 */
	public InvalidConditionalAttributeException(String attribute, String message) {
		super(message);
		Assert.notNull(attribute, "'attribute' must not be null");
		this.attribute = attribute;
	}

	/**
	 * Return the name of the offending attribute.
	 * @return the attribute, as sent
	 */
	public String getAttribute() {
		return this.attribute;
	}

}
