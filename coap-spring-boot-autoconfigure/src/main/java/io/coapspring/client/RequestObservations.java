package io.coapspring.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.coapspring.client.observation.CoapClientObservationContext;
import io.coapspring.client.observation.CoapClientObservationConvention;
import io.coapspring.client.observation.CoapClientObservationDocumentation;
import io.coapspring.client.observation.DefaultCoapClientObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

/**
 * Observes the requests of a template: from sending to the response, or to the exception that ends the
 * request without one.
 *
 * @author CoAP Spring Boot team
 */
final class RequestObservations {

	private static final DefaultCoapClientObservationConvention DEFAULT_CONVENTION =
			new DefaultCoapClientObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CoapClientObservationConvention convention;

	RequestObservations(ObservationRegistry registry, @Nullable CoapClientObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Send a request within an observation.
	 * @param prepared the request
	 * @param sender sends it and returns its future response
	 * @return the future response
	 */
	CompletableFuture<Response> observe(PreparedRequest prepared, Supplier<CompletableFuture<Response>> sender) {
		if (this.registry.isNoop()) {
			return sender.get();
		}
		CoapClientObservationContext context = new CoapClientObservationContext(prepared.request(), prepared.uri());
		Observation observation = CoapClientObservationDocumentation.COAP_CLIENT_REQUESTS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		CompletableFuture<Response> response;
		try (Observation.Scope scope = observation.openScope()) {
			response = sender.get();
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		response.whenComplete((result, ex) -> {
			if (result != null) {
				context.setResponse(result);
			}
			if (ex != null) {
				observation.error(ex);
			}
			observation.stop();
		});
		return response;
	}

}
