package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a handler method parameter to a request option, by name ({@code "Accept"}, {@code "ETag"} or the
 * name of a custom option definition bean) or by number. The value is read according to the option's format
 * (integer, string, opaque bytes, empty) and converted to the parameter type by the {@code ConversionService};
 * a repeatable option binds to a {@code List} or array parameter, and an empty option binds to a
 * {@code boolean} that tells whether it is present.
 * <p>
 * A missing required option, or a value that does not convert, is answered with 4.00 Bad Request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapOption {

	/**
	 * Alias for {@link #name()}.
	 * @return the option name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The option name, matched without regard to case; empty when {@link #number()} is given.
	 * @return the option name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * The option number; negative when {@link #name()} is given.
	 * @return the option number
	 */
	int number() default -1;

	/**
	 * Whether the option must be present. {@code Optional} parameters, {@code boolean} parameters of empty
	 * options and a {@link #defaultValue()} make it optional anyway.
	 * @return whether the option is required
	 */
	boolean required() default true;

	/**
	 * The value used when the option is absent; may use {@code ${...}} placeholders.
	 * @return the default value
	 */
	String defaultValue() default CoapValueConstants.DEFAULT_NONE;

}
