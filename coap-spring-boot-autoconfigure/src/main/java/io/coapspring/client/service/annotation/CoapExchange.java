package io.coapspring.client.service.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Declares a CoAP exchange on a method of a declarative client interface, or the shared settings of all
 * methods on the interface itself. The CoAP counterpart of Spring's {@code @HttpExchange}; the shortcuts
 * {@link CoapGetExchange}, {@link CoapPostExchange}, {@link CoapPutExchange}, {@link CoapDeleteExchange},
 * {@link CoapFetchExchange}, {@link CoapPatchExchange} and {@link CoapIPatchExchange} name the method.
 * <p>
 * A URL on the interface is the prefix of the URLs of its methods; a method URL that is absolute replaces
 * it. {@code ${...}} placeholders are resolved from the environment. With no absolute URL, the URL is
 * relative to the base URI of the client's template.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapExchange {

	/**
	 * Alias for {@link #url()}.
	 * @return the URL
	 */
	@AliasFor("url")
	String value() default "";

	/**
	 * The URL template, for instance {@code coap://[fd00::7]/sensors} on the interface and {@code /{id}} on
	 * a method.
	 * @return the URL
	 */
	@AliasFor("value")
	String url() default "";

	/**
	 * The CoAP method: GET, POST, PUT, DELETE, FETCH, PATCH or IPATCH. Required on a method, unless the
	 * interface sets it.
	 * @return the method name
	 */
	String method() default "";

	/**
	 * The Accept option: a media type or a Content-Format number.
	 * @return the Accept value, empty for the template's default
	 */
	String accept() default "";

	/**
	 * The Content-Format the payload is written in: a media type or a Content-Format number.
	 * @return the Content-Format, empty for the template's default
	 */
	String contentFormat() default "";

	/**
	 * Whether the request is sent as CON or NON.
	 * @return the message type
	 */
	MessageType type() default MessageType.DEFAULT;

	/**
	 * The message type of a request.
	 */
	enum MessageType {

		/**
		 * The interface's setting, or else the template's default.
		 */
		DEFAULT,

		/**
		 * Confirmable: retransmitted until acknowledged.
		 */
		CON,

		/**
		 * Non-confirmable.
		 */
		NON

	}

}
