package io.coapspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation on a test class that imports the auto-configurations of a CoAP server with its annotated
 * programming model (the shared Californium configuration, the converters, the server, the handler methods and
 * DTLS) and what they use (Jackson, Bean Validation, placeholders), without the rest of the application's
 * auto-configuration. {@link CoapTest @CoapTest} includes it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureCoap {

}
