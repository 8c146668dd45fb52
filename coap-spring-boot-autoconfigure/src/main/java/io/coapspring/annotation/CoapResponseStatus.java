package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * The response code of a handler method or exception handler method that returns a body without choosing a
 * code itself, or of an exception class: an exception annotated with it is answered with this code and
 * {@link #reason()} (or the exception's message) as diagnostic payload.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapResponseStatus {

	/**
	 * The response code.
	 * @return the code
	 */
	ResponseCode value();

	/**
	 * The diagnostic payload of an error response; empty to use the exception's message.
	 * @return the reason
	 */
	String reason() default "";

}
