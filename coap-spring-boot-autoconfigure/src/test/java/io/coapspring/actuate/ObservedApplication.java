package io.coapspring.actuate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.server.invocation.CoapResponseStatusException;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * An application with a controller, a plain Californium resource and, from the test classpath, Micrometer
 * metrics and observations and the actuator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ObservedApplication.ThingsController.class)
public class ObservedApplication {

	@Bean
	CoapResource legacyResource() {
		CoapResource resource = new CoapResource("legacy") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("legacy");
			}

		};
		resource.setObservable(true);
		return resource;
	}

	@CoapController
	@CoapMapping("/things")
	static class ThingsController {

		@CoapGetMapping(path = "/{id}", produces = "text/plain", observable = true)
		String thing(@CoapPathVariable String id) {
			if (id.equals("missing")) {
				throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "no thing " + id);
			}
			return "thing " + id;
		}

		// answered as a separate response: slower than coap.network.piggyback-reply
		@CoapPostMapping("/{id}/slow")
		CompletableFuture<String> slow(@CoapPathVariable String id) {
			return CompletableFuture.supplyAsync(() -> "slow " + id,
					CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
		}

	}

}
