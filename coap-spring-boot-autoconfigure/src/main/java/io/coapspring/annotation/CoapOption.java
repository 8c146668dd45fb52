package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a method parameter to a request option, by name ({@code "Accept"}, {@code "ETag"} or the name of a
 * custom option definition bean) or by number, on a handler method and on a method of a declarative client
 * interface alike.
 * <p>
 * On a handler method the value is read according to the option's format (integer, string, opaque bytes,
 * empty) and converted to the parameter type by the {@code ConversionService}; a repeatable option binds to a
 * {@code List} or array parameter, and an empty option binds to a {@code boolean} that tells whether it is
 * present. A missing required option, or a value that does not convert, is answered with 4.00 Bad Request.
 * <p>
 * On a client method the value is a {@code byte[]}, a {@code Number}, a {@code String}, or
 * {@code Boolean.TRUE} for an empty option; a collection or array adds the option once per element. A
 * {@code null} value adds the {@link #defaultValue()} if there is one, nothing if the option is not required
 * (declare {@code required = false}, or use an {@code Optional} parameter), and fails the call otherwise.
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
	 * Whether the option must be present (on a client method: must not be {@code null}). {@code Optional}
	 * parameters, {@code boolean} parameters of empty options and a {@link #defaultValue()} make it optional
	 * anyway.
	 * @return whether the option is required
	 */
	boolean required() default true;

	/**
	 * The value used when the option is absent (on a client method: {@code null}); on a handler method it may
	 * use {@code ${...}} placeholders.
	 * @return the default value
	 */
	String defaultValue() default CoapValueConstants.DEFAULT_NONE;

}
