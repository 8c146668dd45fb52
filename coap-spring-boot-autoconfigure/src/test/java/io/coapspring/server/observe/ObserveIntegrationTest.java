package io.coapspring.server.observe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring Boot test configuration of the server-side observe tests, so that they share a context: a server
 * on a free port that sends a confirmable notification every four.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ObserveTestApplication.class,
		properties = { "coap.server.port=0", "coap.observe.notification-check-interval-count=4",
				"spring.main.banner-mode=off" })
@interface ObserveIntegrationTest {

}
