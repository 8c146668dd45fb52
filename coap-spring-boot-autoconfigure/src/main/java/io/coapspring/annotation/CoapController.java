package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a class whose {@link CoapMapping @CoapMapping} methods handle CoAP requests: the CoAP counterpart of
 * {@code @RestController}. A stereotype, so the class is picked up by component scanning.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapMapping
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface CoapController {

	/**
	 * The bean name, if any.
	 * @return the suggested bean name
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

}
