package io.coapspring.annotation;

/**
 * Constants shared by the argument annotations.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapValueConstants {

	/**
	 * The {@code defaultValue} that stands for "no default": a value no one writes on purpose, since
	 * annotation attributes cannot be {@code null}.
	 */
	public static final String DEFAULT_NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n";

	private CoapValueConstants() {
	}

}
