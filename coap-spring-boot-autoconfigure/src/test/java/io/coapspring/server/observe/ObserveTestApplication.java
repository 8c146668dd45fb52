package io.coapspring.server.observe;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application of the server-side observe tests: the observable mappings of {@link ObservedController} and a
 * plain observable Californium resource.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ObservedController.class)
class ObserveTestApplication {

	@Bean
	CoapResource legacyResource() {
		CoapResource resource = new CoapResource("legacy") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("plain californium resource");
			}

		};
		resource.setObservable(true);
		return resource;
	}

}
