package io.coapspring.server.deduplication;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The server that {@link ManyPeersFloodEndToEndTests} floods, run in a JVM of its own with a small heap: it
 * prints {@code port=N} once started, and closes when its standard input ends. Arguments are extra properties
 * ({@code --coap.deduplication.max-messages=...}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FloodTargetApplication.FloodController.class)
public class FloodTargetApplication {

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FloodTargetApplication.class)
			.web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "coap.server.address=127.0.0.1", "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.run(args);
		int port = context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
		System.out.println("port=" + port);
		System.out.flush();
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		while (input.readLine() != null) {
			// until the test closes the pipe
		}
		context.close();
	}

	@CoapController
	static class FloodController {

		@CoapGetMapping("/flood")
		String flood() {
			return "ok";
		}

	}

}
