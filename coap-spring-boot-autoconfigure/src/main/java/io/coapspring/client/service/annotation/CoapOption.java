package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a parameter of a declarative client method to a CoAP option, given by its registered name (such as
 * {@code If-Match}) or by number. The value is a {@code byte[]}, a {@code Number}, a {@code String}, or
 * {@code Boolean.TRUE} for an empty option; a collection or array adds the option once per element.
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
	 * The option name, matched ignoring case; empty when {@link #number()} is set.
	 * @return the option name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * The option number, used when no name is given.
	 * @return the option number, -1 for none
	 */
	int number() default -1;

	/**
	 * Whether the value must not be {@code null}; an optional {@code null} adds no option.
	 * @return {@code true} if required
	 */
	boolean required() default false;

}
