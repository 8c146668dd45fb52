package io.coapspring.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring Boot test configuration of the client's end-to-end tests, so that they share a context:
 * a server on a free port, a short ACK timeout for quick retransmission tests, and 128 KB bodies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ClientTestApplication.class,
		properties = { "coap.server.port=0", "coap.network.ack-timeout=200ms",
				"coap.blockwise.max-resource-body-size=128KB", "coap.client.max-body-size=128KB",
				"coap.client.reregistration-backoff=300ms", "coap.client.timeout=5s" })
public @interface CoapClientIntegrationTest {

}
