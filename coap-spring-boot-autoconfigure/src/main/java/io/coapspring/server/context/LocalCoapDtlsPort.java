package io.coapspring.server.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Value;

/**
 * Injects the UDP port the CoAP server's DTLS ({@code coaps}) endpoint actually bound, for instance in a
 * test that runs the server with {@code coap.server.dtls.port=0}. A shortcut for {@code @Value("${local.coap.dtls-port}")}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value("${" + CoapPortInfoApplicationContextInitializer.DTLS_PORT_PROPERTY + "}")
public @interface LocalCoapDtlsPort {

}
