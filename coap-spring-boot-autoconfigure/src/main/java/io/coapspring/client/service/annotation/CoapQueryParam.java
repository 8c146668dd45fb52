package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Binds a parameter of a declarative client method to a Uri-Query argument {@code name=value}. A collection
 * or array adds one argument per element; a {@code Map} parameter without name adds one argument per entry.
 * A {@code null} value that is not required adds nothing.
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
	 * @return the argument name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The argument name; the parameter name if empty.
	 * @return the argument name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Whether the value must not be {@code null}.
	 * @return {@code true} if required
	 */
	boolean required() default true;

}
