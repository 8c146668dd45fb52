package io.coapspring.transport.tcp;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Meters of the server's TCP and TLS endpoints, tagged {@code scheme} ({@code coap+tcp}, {@code coaps+tcp}):
 * <ul>
 * <li>{@code coap.server.connections}: connections open now;</li>
 * <li>{@code coap.server.connections.max}: the bound on them ({@code coap.server.tcp.max-connections});</li>
 * <li>{@code coap.server.connections.refused}: connections answered with an Abort because the bound was
 * reached.</li>
 * </ul>
 * The request, retransmission and malformed-message meters of every endpoint, TCP included, come from the
 * server's own metrics.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class TcpConnectionMetrics implements MeterBinder {

	private final List<TcpServerEndpointFactory> endpointFactories;

	/**
	 * Create the meters of the given endpoints.
	 * @param endpointFactories the factories of the TCP and TLS endpoints
	 */
	public TcpConnectionMetrics(List<? extends TcpServerEndpointFactory> endpointFactories) {
		Assert.notNull(endpointFactories, "'endpointFactories' must not be null");
		this.endpointFactories = List.copyOf(endpointFactories);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TcpServerEndpointFactory factory : this.endpointFactories) {
			TcpConnectionLimit limit = factory.getSignaling().getConnectionLimit();
			if (limit == null) {
				continue;
			}
			bind(registry, factory.getScheme(), limit);
		}
	}

	/**
	 * Register the meters of one endpoint's connection limit.
	 * @param registry the registry
	 * @param scheme the URI scheme of the endpoint, the value of the {@code scheme} tag
	 * @param limit the endpoint's connection limit
	 */
	public static void bind(MeterRegistry registry, String scheme, TcpConnectionLimit limit) {
		Tags tags = Tags.of("scheme", scheme);
		Gauge.builder("coap.server.connections", limit, TcpConnectionLimit::getOpenConnections)
			.description("Connections open on the CoAP server's TCP, TLS or WebSocket endpoint")
			.tags(tags)
			.register(registry);
		Gauge.builder("coap.server.connections.max", limit, TcpConnectionLimit::getMaxConnections)
			.description("Largest number of connections the endpoint keeps open")
			.tags(tags)
			.register(registry);
		FunctionCounter.builder("coap.server.connections.refused", limit, TcpConnectionLimit::getRefusedConnections)
			.description("Connections refused with an Abort because the endpoint's limit was reached")
			.tags(tags)
			.register(registry);
	}

}
