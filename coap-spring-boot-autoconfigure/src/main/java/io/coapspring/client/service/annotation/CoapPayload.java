package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a declarative client method to the request payload, written by the client's
 * converters in the exchange's Content-Format or the one they choose.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapPayload {

	/**
	 * Whether the value must not be {@code null}.
	 * @return {@code true} if required
	 */
	boolean required() default true;

}
