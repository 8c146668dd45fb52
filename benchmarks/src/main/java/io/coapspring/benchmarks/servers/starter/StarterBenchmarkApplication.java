package io.coapspring.benchmarks.servers.starter;

import java.util.Map;

import io.coapspring.benchmarks.servers.AdminResource;
import io.coapspring.benchmarks.servers.ObservedChanges;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.observe.CoapNotifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The starter's benchmark server: a Spring Boot application with the CoAP starter and default {@code coap.*}
 * properties (only the port and the loopback address are set), serving the same scenarios as
 * {@link io.coapspring.benchmarks.servers.RawCaliforniumServer}.
 * <p>
 * The GET and JSON POST scenarios are annotated handler methods ({@link BenchmarkCoapController}), as a user
 * writes them; so is the observe scenario ({@link ObserveCoapController}), whose changes go through the starter's
 * {@link CoapNotifier}. Only the harness's remote control, {@code /admin}, is a Californium {@code Resource}
 * bean.
 * <p>
 * Run as {@code StarterBenchmarkApplication <port> [non-blocking]}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
public class StarterBenchmarkApplication {

	/**
	 * The property that selects {@link NonBlockingBenchmarkCoapController} instead of
	 * {@link BenchmarkCoapController}.
	 */
	static final String NON_BLOCKING_PROPERTY = "benchmark.non-blocking";

	@Bean
	SentNotifications sentNotifications() {
		return new SentNotifications();
	}

	@Bean
	CoapServerCustomizer sentNotificationsCustomizer(SentNotifications sentNotifications) {
		return (server) -> server.getEndpoints().forEach((endpoint) -> endpoint.addInterceptor(sentNotifications));
	}

	// changes published through the starter's notifier, paced on the notifications that left the socket
	@Bean
	ObservedChanges observedChanges(CoapNotifier notifier, SentNotifications sentNotifications) {
		return new ObservedChanges(() -> notifier.changed(ScenarioPaths.OBSERVE), sentNotifications::sent,
				() -> notifier.getObserverCount(ScenarioPaths.OBSERVE));
	}

	@Bean
	AdminResource adminResource(ObservedChanges observedChanges) {
		return new AdminResource(observedChanges);
	}

	/**
	 * Run the server until the process is stopped.
	 * @param args the port, and {@code non-blocking} to serve the scenarios from {@code @CoapNonBlocking} methods
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StarterBenchmarkApplication.class);
		// the module has Tomcat on the classpath for the transport comparison: no web server here
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("coap.server.port", args[0], "coap.server.address", "127.0.0.1",
				"spring.main.banner-mode", "off", "logging.level.root", "warn", NON_BLOCKING_PROPERTY,
				Boolean.toString(args.length > 1 && args[1].equals("non-blocking"))));
		application.run();
		System.out.println("READY starter on port " + args[0]);
	}

}
