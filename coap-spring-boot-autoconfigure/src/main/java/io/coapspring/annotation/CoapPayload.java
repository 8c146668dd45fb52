package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a method parameter to the request payload, on a handler method and on a method of a declarative client
 * interface alike.
 * <p>
 * On a handler method the payload is read by the {@code CoapMessageConverter} for the request's
 * Content-Format. Add {@code @Valid} or {@code @Validated} to validate it with the application's Bean Validation
 * provider. A payload in a format no converter reads as the parameter type is answered with 4.15 Unsupported
 * Content-Format, a malformed payload, a missing required payload and a failed validation with 4.00 Bad
 * Request and a diagnostic that names the offending field.
 * <p>
 * On a client method the value is written by the client's converters in the exchange's Content-Format or the
 * one they choose; a required {@code null} value fails the call.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapPayload {

	/**
	 * Whether a payload must be present; if not, an empty payload binds as {@code null} on a handler method, and
	 * a {@code null} value sends no payload from a client method.
	 * @return whether the payload is required
	 */
	boolean required() default true;

}
