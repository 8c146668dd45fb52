package io.coapspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation on a test class that auto-configures a {@link io.coapspring.test.client.CoapTestClient} bound to the
 * application's CoAP server, for instance on a {@code @SpringBootTest(properties = "coap.server.port=0")}.
 * {@link CoapTest @CoapTest} includes it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureCoapTestClient {

}
