package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a method parameter to a Uri-Query parameter ({@code unit} in {@code ?unit=c}), on a handler method and on a
 * method of a declarative client interface alike.
 * <p>
 * On a handler method the value is converted to the parameter type by the {@code ConversionService}. A
 * parameter given several times binds to a {@code List} or array parameter; a query item without {@code =} (a
 * flag) is {@code true} for a boolean and the empty string otherwise. A {@code Map<String, String>} parameter
 * receives every query parameter. A missing required parameter, or a value that does not convert, is answered
 * with 4.00 Bad Request.
 * <p>
 * On a client method the value becomes an argument {@code name=value}: a collection or array adds one argument
 * per element, a {@code Map} parameter without name one argument per entry. A {@code null} value adds the
 * {@link #defaultValue()} if there is one, nothing if the parameter is not required, and fails the call
 * otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapQueryParam {

	/**
	 * Alias for {@link #name()}.
	 * @return the parameter name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The query parameter name; empty for the method parameter name.
	 * @return the parameter name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Whether the parameter must be present (on a client method: must not be {@code null}). {@code Optional}
	 * parameters and a {@link #defaultValue()} make it optional anyway.
	 * @return whether the parameter is required
	 */
	boolean required() default true;

	/**
	 * The value used when the parameter is absent (on a client method: {@code null}); on a handler method it
	 * may use {@code ${...}} placeholders.
	 * @return the default value
	 */
	String defaultValue() default CoapValueConstants.DEFAULT_NONE;

}
