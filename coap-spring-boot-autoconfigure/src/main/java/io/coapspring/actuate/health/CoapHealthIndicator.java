package io.coapspring.actuate.health;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.context.CoapServerLifecycle;
import io.coapspring.server.context.CoapEndpointWatchdog;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of the CoAP server: UP while the server runs, accepts requests and every endpoint is bound and started;
 * DOWN, with the reason, otherwise (not started yet, shutting down, an endpoint stopped, or an endpoint whose
 * receiver or sender thread died and that the {@link CoapEndpointWatchdog} has not restarted yet). The details
 * list each endpoint with its URI, whether it is started and, if any, its dead network threads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHealthIndicator extends AbstractHealthIndicator {

	private final CoapServer server;

	private final CoapServerLifecycle lifecycle;

	private final CoapRequestGate gate;

	private final @Nullable CoapEndpointWatchdog watchdog;

	/**
	 * Create an indicator.
	 * @param server the server
	 * @param lifecycle the lifecycle that starts and stops it
	 * @param gate the gate that admits its requests
	 */
	public CoapHealthIndicator(CoapServer server, CoapServerLifecycle lifecycle, CoapRequestGate gate) {
		this(server, lifecycle, gate, null);
	}

	/**
	 * Create an indicator that also reports the endpoints its watchdog could not restart.
	 * @param server the server
	 * @param lifecycle the lifecycle that starts and stops it
	 * @param gate the gate that admits its requests
	 * @param watchdog the watchdog of the server's endpoints, or {@code null}
	 */
	public CoapHealthIndicator(CoapServer server, CoapServerLifecycle lifecycle, CoapRequestGate gate,
			@Nullable CoapEndpointWatchdog watchdog) {
		super("CoAP health check failed");
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(lifecycle, "'lifecycle' must not be null");
		Assert.notNull(gate, "'gate' must not be null");
		this.server = server;
		this.lifecycle = lifecycle;
		this.gate = gate;
		this.watchdog = watchdog;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<Map<String, Object>> endpoints = new ArrayList<>();
		List<String> stopped = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		Map<Endpoint, String> failedByWatchdog = (this.watchdog != null) ? this.watchdog.getFailedEndpoints()
				: Map.of();
		for (Endpoint endpoint : this.server.getEndpoints()) {
			InetSocketAddress address = endpoint.getAddress();
			boolean started = endpoint.isStarted() && address.getPort() != 0;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("uri", endpoint.getUri().toString());
			details.put("started", started);
			List<String> deadThreads = CoapEndpointWatchdog.deadThreads(endpoint);
			String failure = failedByWatchdog.get(endpoint);
			if (!deadThreads.isEmpty()) {
				details.put("deadThreads", deadThreads);
			}
			if (failure != null) {
				details.put("failure", failure);
			}
			endpoints.add(details);
			if (started && (!deadThreads.isEmpty() || failure != null)) {
				failed.add(endpoint.getUri().toString());
			}
			else if (!started) {
				stopped.add(endpoint.getUri().toString());
			}
		}
		builder.withDetail("endpoints", endpoints);
		if (!this.lifecycle.isRunning()) {
			builder.down().withDetail("reason", "CoAP server is not running");
		}
		else if (!this.gate.isAccepting()) {
			builder.down().withDetail("reason", "CoAP server is shutting down");
		}
		else if (endpoints.isEmpty()) {
			builder.down().withDetail("reason", "CoAP server has no endpoint");
		}
		else if (!failed.isEmpty()) {
			builder.down()
				.withDetail("reason", "CoAP endpoint(s) neither receiving nor sending: " + String.join(", ", failed));
		}
		else if (!stopped.isEmpty()) {
			builder.down().withDetail("reason", "CoAP endpoint(s) not started: " + String.join(", ", stopped));
		}
		else {
			builder.up();
		}
	}

}
