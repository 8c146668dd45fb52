package io.coapspring.annotation;

import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a class whose {@link CoapExceptionHandler @CoapExceptionHandler} methods apply to many
 * {@link CoapController @CoapController}s. Advice beans are consulted after the controller's own exception
 * handlers, in {@link org.springframework.core.annotation.Order @Order}.
 * <p>
 * Without attributes an advice applies to every controller; {@link #basePackages()},
 * {@link #assignableTypes()} and {@link #annotations()} narrow it down (a controller matching any of them is
 * advised).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface CoapControllerAdvice {

	/**
	 * Alias for {@link #basePackages()}.
	 * @return the base packages
	 */
	@AliasFor("basePackages")
	String[] value() default {};

	/**
	 * Packages whose controllers, sub-packages included, are advised.
	 * @return the base packages
	 */
	@AliasFor("value")
	String[] basePackages() default {};

	/**
	 * Controllers assignable to one of these types are advised.
	 * @return the types
	 */
	Class<?>[] assignableTypes() default {};

	/**
	 * Controllers annotated with one of these annotations are advised.
	 * @return the annotation types
	 */
	Class<? extends Annotation>[] annotations() default {};

}
