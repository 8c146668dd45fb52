package io.coapspring.test.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests find: component scanning of this package finds controllers, advice, CoAP
 * extension beans and beans that a {@code @CoapTest} must leave out.
 */
@SpringBootApplication
public class SliceApplication {

}
