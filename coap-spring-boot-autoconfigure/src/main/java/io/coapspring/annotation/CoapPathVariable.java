package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a method parameter to a variable of a path, {@code {id}} in {@code /sensors/{id}}. One annotation for
 * both sides, as Spring's {@code @PathVariable} serves {@code @RestController} and {@code @HttpExchange}:
 * <ul>
 * <li>on a handler method, the variable of the mapped path, converted to the parameter type by the
 * {@code ConversionService}; a value that does not convert is answered with 4.00 Bad Request. A
 * {@code Map<String, String>} parameter receives every variable;</li>
 * <li>on a method of a declarative client interface ({@code @CoapGetExchange} and the like), the value of a
 * {@code {variable}} of its URL, converted to text with the factory's {@code ConversionService} and
 * percent-encoded, so a {@code /} in it stays inside one Uri-Path option.</li>
 * </ul>
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
	 * The variable name; empty for the parameter name.
	 * @return the variable name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Whether the value must be present. On a handler method every variable of the pattern is; on a client
	 * method a required {@code null} value fails the call ({@code Optional} parameters are never required).
	 * @return whether the variable is required
	 */
	boolean required() default true;

}
