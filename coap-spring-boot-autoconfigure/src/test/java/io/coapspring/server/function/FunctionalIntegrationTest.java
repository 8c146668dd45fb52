package io.coapspring.server.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring Boot test configuration of the functional end-to-end tests, so that they share a context: a
 * server on a free port, the mappings endpoint exposed, at most 20 routes registered at run time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = FunctionalApplication.class,
		properties = { "coap.server.port=0", "management.endpoints.web.exposure.include=coap",
				"coap.server.routes.max-runtime-routes=20", "coap.observe.notification-check-interval-count=4",
				"spring.main.banner-mode=off" })
@interface FunctionalIntegrationTest {

}
