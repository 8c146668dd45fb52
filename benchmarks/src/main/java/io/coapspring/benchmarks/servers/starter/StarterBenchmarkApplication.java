package io.coapspring.benchmarks.servers.starter;

import java.util.Map;

import io.coapspring.benchmarks.servers.AdminResource;
import io.coapspring.benchmarks.servers.HelloResource;
import io.coapspring.benchmarks.servers.JsonReadingResource;
import io.coapspring.benchmarks.servers.ObservedStateResource;
import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.convert.CoapMessageConverters;
import jakarta.validation.Validator;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;

/**
 * The starter's benchmark server: a Spring Boot application with the CoAP starter and default {@code coap.*}
 * properties (only the port and the loopback address are set), serving the same scenarios as
 * {@link io.coapspring.benchmarks.servers.RawCaliforniumServer}.
 * <p>
 * Interim form: the annotated programming model ({@code @CoapController}, {@code @CoapGetMapping}) is not on
 * this branch yet, so the scenarios are Californium {@code Resource} beans, which the starter adds to its
 * server. What this measures is the starter's server (its deliverer, request gate, executors and settings)
 * and, for the JSON POST, its converters and Spring's validator; not yet the annotated handler dispatch.
 * <p>
 * Run as {@code StarterBenchmarkApplication <port>}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
public class StarterBenchmarkApplication {

	private static final ResolvableType READING = ResolvableType.forClass(Reading.class);

	@Bean
	HelloResource helloResource() {
		return new HelloResource();
	}

	@Bean
	JsonReadingResource jsonReadingResource(CoapMessageConverters converters, Validator validator) {
		return new JsonReadingResource(
				(payload) -> (Reading) converters.read(READING, payload, MediaTypeRegistry.APPLICATION_JSON),
				validator);
	}

	@Bean
	ObservedStateResource observedStateResource() {
		return new ObservedStateResource();
	}

	@Bean
	AdminResource adminResource(ObservedStateResource observedStateResource) {
		return new AdminResource(observedStateResource);
	}

	/**
	 * Run the server until the process is stopped.
	 * @param args the port
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StarterBenchmarkApplication.class);
		application.setDefaultProperties(Map.of("coap.server.port", args[0], "coap.server.address", "127.0.0.1",
				"spring.main.banner-mode", "off", "logging.level.root", "warn"));
		application.run();
		System.out.println("READY starter on port " + args[0]);
	}

}
