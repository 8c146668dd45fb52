package io.coapspring.observe;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application of the server-side observe tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ObservedController.class)
class ObserveTestApplication {

}
