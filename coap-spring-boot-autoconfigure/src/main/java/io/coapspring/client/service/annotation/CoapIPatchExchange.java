package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Shortcut for {@link CoapExchange @CoapExchange(method = "IPATCH")}: the method sends a iPATCH (RFC 8132, idempotent PATCH) request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CoapExchange(method = "IPATCH")
public @interface CoapIPatchExchange {

	/**
	 * Alias for {@link CoapExchange#url()}.
	 * @return the URL
	 */
	@AliasFor(annotation = CoapExchange.class)
	String value() default "";

	/**
	 * Alias for {@link CoapExchange#url()}.
	 * @return the URL
	 */
	@AliasFor(annotation = CoapExchange.class)
	String url() default "";

	/**
	 * Alias for {@link CoapExchange#accept()}.
	 * @return the Accept value
	 */
	@AliasFor(annotation = CoapExchange.class)
	String accept() default "";

	/**
	 * Alias for {@link CoapExchange#contentFormat()}.
	 * @return the Content-Format
	 */
	@AliasFor(annotation = CoapExchange.class)
	String contentFormat() default "";

	/**
	 * Alias for {@link CoapExchange#type()}.
	 * @return the message type
	 */
	@AliasFor(annotation = CoapExchange.class)
	CoapExchange.MessageType type() default CoapExchange.MessageType.DEFAULT;

}
