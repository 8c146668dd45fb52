package io.coapspring.server.metrics;

import java.util.Map;
import java.util.TreeMap;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.handler.CoapHandlerExecutor;
import io.coapspring.server.observe.CoapObserveRelations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Binds the meters of a CoAP server to a {@link MeterRegistry}:
 * <ul>
 * <li>{@code coap.server.exchanges.active}: requests admitted and not answered yet;</li>
 * <li>{@code coap.server.observe.relations}: observe relations of all resources;</li>
 * <li>{@code coap.server.retransmissions}, tagged {@code scheme}: CON messages sent again because their
 * acknowledgement did not arrive in time;</li>
 * <li>{@code coap.server.duplicates}, tagged {@code scheme}: messages received again, answered by
 * Californium's deduplication without reaching the application;</li>
 * <li>{@code coap.server.malformed}, tagged {@code scheme}: datagrams that are no valid CoAP message (a CON
 * request among them is answered 4.00 or 4.02, anything else is dropped or reset);</li>
 * <li>{@code coap.server.resets}, tagged {@code scheme}: RST messages sent, rejecting messages the server
 * cannot process;</li>
 * <li>{@code coap.server.requests.rejected}, tagged {@code reason}: requests answered 5.03 without running a
 * handler, because the server is shutting down ({@code shutting-down}) or the handler executor is saturated
 * ({@code overloaded}).</li>
 * </ul>
 * The endpoint counters come from an interceptor added to every endpoint of the server when the meters are
 * bound, summed by URI scheme: {@code coap} for the UDP endpoints, {@code coaps} for the DTLS ones.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerMetrics implements MeterBinder {

	private final CoapServer server;

	private final CoapRequestGate gate;

	private final @Nullable CoapHandlerExecutor handlerExecutor;

	private final CoapObserveRelations observeRelations;

	/**
	 * Create the meters of a server.
	 * @param server the server
	 * @param gate the gate that admits its requests
	 * @param handlerExecutor the executor of its handler methods, or {@code null} if it has none
	 * @param observeRelations counts its observe relations
	 */
	public CoapServerMetrics(CoapServer server, CoapRequestGate gate, @Nullable CoapHandlerExecutor handlerExecutor,
			CoapObserveRelations observeRelations) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(gate, "'gate' must not be null");
		Assert.notNull(observeRelations, "'observeRelations' must not be null");
		this.server = server;
		this.gate = gate;
		this.handlerExecutor = handlerExecutor;
		this.observeRelations = observeRelations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("coap.server.exchanges.active", this.gate, CoapRequestGate::inFlightCount)
			.description("Requests admitted by the CoAP server and not answered yet")
			.register(registry);
		Gauge.builder("coap.server.observe.relations", this.observeRelations, CoapObserveRelations::total)
			.description("Observe relations of the CoAP server's resources")
			.register(registry);
		FunctionCounter.builder("coap.server.requests.rejected", this.gate, CoapRequestGate::refusedCount)
			.description("Requests answered 5.03 without running a handler")
			.tag("reason", "shutting-down")
			.register(registry);
		if (this.handlerExecutor != null) {
			FunctionCounter
				.builder("coap.server.requests.rejected", this.handlerExecutor, CoapHandlerExecutor::rejectedCount)
				.description("Requests answered 5.03 without running a handler")
				.tag("reason", "overloaded")
				.register(registry);
		}
		Map<String, EndpointStatistics> byScheme = new TreeMap<>();
		for (Endpoint endpoint : this.server.getEndpoints()) {
			EndpointStatistics statistics = byScheme.computeIfAbsent(endpoint.getUri().getScheme(),
					(scheme) -> new EndpointStatistics());
			endpoint.addPostProcessInterceptor(statistics);
		}
		byScheme.forEach((scheme, statistics) -> bind(registry, Tags.of("scheme", scheme), statistics));
	}

	private static void bind(MeterRegistry registry, Tags tags, EndpointStatistics statistics) {
		FunctionCounter.builder("coap.server.retransmissions", statistics, EndpointStatistics::retransmissions)
			.description("CON messages the CoAP server sent again for want of an acknowledgement")
			.tags(tags)
			.register(registry);
		FunctionCounter.builder("coap.server.duplicates", statistics, EndpointStatistics::duplicates)
			.description("Messages the CoAP server received again and answered by deduplication")
			.tags(tags)
			.register(registry);
		FunctionCounter.builder("coap.server.malformed", statistics, EndpointStatistics::malformed)
			.description("Datagrams received by the CoAP server that are no valid CoAP message")
			.tags(tags)
			.register(registry);
		FunctionCounter.builder("coap.server.resets", statistics, EndpointStatistics::resets)
			.description("RST messages the CoAP server sent")
			.tags(tags)
			.register(registry);
	}

}
