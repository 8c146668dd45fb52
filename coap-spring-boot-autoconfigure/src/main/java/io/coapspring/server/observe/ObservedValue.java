package io.coapspring.server.observe;

import org.springframework.util.Assert;

/**
 * The scalar value of a representation that conditional attributes compare: a number, a boolean, or neither.
 *
 * @param kind what the value is
 * @param number the number; 1 or 0 for a boolean; 0 for neither
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record ObservedValue(Kind kind, double number) {

	/**
	 * A representation without a scalar value.
	 */
	public static final ObservedValue NONE = new ObservedValue(Kind.NONE, 0);

	private static final ObservedValue TRUE = new ObservedValue(Kind.BOOLEAN, 1);

	private static final ObservedValue FALSE = new ObservedValue(Kind.BOOLEAN, 0);

	/**
	 * Validate the components.
	 */
	public ObservedValue {
		Assert.notNull(kind, "'kind' must not be null");
	}

	/**
	 * Return a numeric value.
	 * @param number the number
	 * @return the value
	 */
	public static ObservedValue of(double number) {
		return new ObservedValue(Kind.NUMBER, number);
	}

	/**
	 * Return a boolean value.
	 * @param value the boolean
	 * @return the value
	 */
	public static ObservedValue of(boolean value) {
		return value ? TRUE : FALSE;
	}

	/**
	 * Return whether the value is a number.
	 * @return {@code true} for {@link Kind#NUMBER}
	 */
	public boolean isNumber() {
		return this.kind == Kind.NUMBER;
	}

	/**
	 * Return whether the value can be read as a boolean: a boolean, or a number (zero being false).
	 * @return {@code true} for {@link Kind#BOOLEAN} and {@link Kind#NUMBER}
	 */
	public boolean isBooleanLike() {
		return this.kind != Kind.NONE;
	}

	/**
	 * Return the value as a boolean.
	 * @return {@code false} for zero, {@code true} otherwise
	 */
	public boolean asBoolean() {
		return this.number != 0;
	}

	/**
	 * What a value is.
	 */
	public enum Kind {

		/**
		 * A number.
		 */
		NUMBER,

		/**
		 * A boolean.
		 */
		BOOLEAN,

		/**
		 * Neither: the representation as a whole is the value.
		 */
		NONE

	}

}
