package io.coapspring.interop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The ETSI CoAP plugtest server: the resources the CoAP#4 test descriptions expect, on CoAP Spring Boot.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
@EnableConfigurationProperties(PlugtestProperties.class)
public class PlugtestApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlugtestApplication.class, args);
	}

}
