package io.coapspring.interop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.invocation.CoapRequest;

/**
 * {@code /separate}, a resource that is not served immediately: a confirmable request is acknowledged
 * with an empty ACK and answered with a separate CON response, a non-confirmable one with a NON response
 * (TD_COAP_CORE_09, 11, 16, 17).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class SeparateController {

	private final PlugtestProperties properties;

	SeparateController(PlugtestProperties properties) {
		this.properties = properties;
	}

	@CoapGetMapping(path = "/separate", produces = "text/plain", resourceType = { "Type2", "Type3" },
			title = "Resource which cannot be served immediately and which cannot be acknowledged in a "
					+ "piggy-backed way")
	CompletableFuture<String> separate(CoapRequest request) {
		String description = RequestDescription.of(request);
		long delay = this.properties.getSeparateDelay().toMillis();
		return CompletableFuture.supplyAsync(() -> description,
				CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
	}

}
