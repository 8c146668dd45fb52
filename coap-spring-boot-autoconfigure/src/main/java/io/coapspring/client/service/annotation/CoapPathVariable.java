package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a parameter of a declarative client method to a {@code {variable}} of its URL. The value is
 * converted to text with the factory's {@code ConversionService} and percent-encoded, so a {@code /} in it
 * stays inside one Uri-Path option.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapPathVariable {

	/**
	 * Alias for {@link #name()}.
	 * @return the variable name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The variable name; the parameter name if empty.
	 * @return the variable name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Whether the value must not be {@code null}.
	 * @return {@code true} if required
	 */
	boolean required() default true;

}
