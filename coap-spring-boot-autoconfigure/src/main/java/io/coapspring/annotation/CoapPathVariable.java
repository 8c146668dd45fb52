package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a handler method parameter to a variable of the mapped path, {@code {id}} in {@code /sensors/{id}},
 * converted to the parameter type by the {@code ConversionService}; a value that does not convert is answered
 * with 4.00 Bad Request. A {@code Map<String, String>} parameter receives every variable.
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

}
