package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link CoapController @CoapController} or a
 * {@link CoapControllerAdvice @CoapControllerAdvice} that turns exceptions thrown by handler methods into a
 * response.
 * <p>
 * The method may declare the exception, the {@code CoapRequest} and any other argument a handler method
 * can take, and return anything a handler method can return. A returned value without an explicit response
 * code (a plain body, {@code void}) is sent as 5.00 Internal Server Error unless the method is annotated with
 * {@link CoapResponseStatus @CoapResponseStatus}. The closest match by exception type wins; the controller's
 * own handlers before those of advice beans.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapExceptionHandler {

	/**
	 * The exceptions handled; empty to use the exception types among the method's parameters.
	 * @return the exception types
	 */
	Class<? extends Throwable>[] value() default {};

}
