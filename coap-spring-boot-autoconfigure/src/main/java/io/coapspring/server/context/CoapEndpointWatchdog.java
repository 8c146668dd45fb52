package io.coapspring.server.context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.WatchedUdpConnector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.util.NamedThreadFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Checks the network threads of the server's endpoints every interval. When a receiver or sender thread of an
 * endpoint has died (any {@link Error} that escaped Californium's loop, typically an {@code OutOfMemoryError}),
 * the endpoint no longer receives or sends although it looks started: the watchdog logs an ERROR once, then
 * stops and starts the endpoint, on the port it had. Until the restart succeeds the endpoint is reported by
 * {@link #getFailedEndpoints()} (and the {@code coap} health contributor is DOWN).
 * <p>
 * Only endpoints over a {@link WatchedUdpConnector} are watched: the plain UDP endpoint that
 * {@code CoapServerFactory} builds without a custom connector factory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapEndpointWatchdog implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CoapEndpointWatchdog.class);

	private final CoapServer server;

	private final Duration interval;

	private final Map<Endpoint, String> failed = new ConcurrentHashMap<>();

	private volatile int restarts;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a watchdog.
	 * @param server the server whose endpoints are watched
	 * @param interval the interval between checks
	 */
	public CoapEndpointWatchdog(CoapServer server, Duration interval) {
		Assert.notNull(server, "'server' must not be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(),
				"'interval' must be positive");
		this.server = server;
		this.interval = interval;
	}

	/**
	 * Return the dead network threads of an endpoint.
	 * @param endpoint the endpoint
	 * @return the names of its dead threads, empty if it is not watched or all its threads are alive
	 */
	public static List<String> deadThreads(Endpoint endpoint) {
		if (endpoint instanceof CoapEndpoint coapEndpoint
				&& coapEndpoint.getConnector() instanceof WatchedUdpConnector connector) {
			return connector.getDeadThreads();
		}
		return List.of();
	}

	/**
	 * Check every endpoint once: restart those with a dead network thread.
	 */
	public void check() {
		for (Endpoint endpoint : this.server.getEndpoints()) {
			List<String> dead = deadThreads(endpoint);
			if (!dead.isEmpty()) {
				restart(endpoint, dead);
			}
		}
	}

	private void restart(Endpoint endpoint, List<String> dead) {
		String uri = endpoint.getUri().toString();
		if (this.failed.putIfAbsent(endpoint, "network thread(s) died: " + String.join(", ", dead)) == null) {
			logger.error("CoAP endpoint " + uri + " stopped receiving or sending: network thread(s) "
					+ String.join(", ", dead) + " died (see the Error logged before); restarting the endpoint. "
					+ "Run production JVMs with -XX:+ExitOnOutOfMemoryError so that an OutOfMemoryError ends "
					+ "the process instead.");
		}
		try {
			endpoint.stop();
			endpoint.start();
			this.restarts++;
			this.failed.remove(endpoint);
			logger.warn("CoAP endpoint " + uri + " restarted on " + endpoint.getAddress());
		}
		catch (Exception | Error ex) {
			this.failed.put(endpoint, "restart failed: " + ex);
			logger.debug("Restart of CoAP endpoint " + uri + " failed", ex);
		}
	}

	/**
	 * Return the endpoints found with a dead network thread and not restarted yet, with the reason.
	 * @return the failed endpoints
	 */
	public Map<Endpoint, String> getFailedEndpoints() {
		return Map.copyOf(this.failed);
	}

	/**
	 * Return the number of successful restarts.
	 * @return the count since the start
	 */
	public int getRestarts() {
		return this.restarts;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			ScheduledExecutorService scheduler = Executors
				.newSingleThreadScheduledExecutor(new NamedThreadFactory("CoapEndpointWatchdog#"));
			long millis = this.interval.toMillis();
			scheduler.scheduleWithFixedDelay(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
			this.scheduler = scheduler;
		}
	}

	private void checkSafely() {
		if (!isRunning()) {
			return;
		}
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Check of the CoAP endpoints failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			scheduler = this.scheduler;
			this.scheduler = null;
		}
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				// a restart in progress ends before the server stops, so that no endpoint is started after it
				scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Start after the server and stop before it.
	 * @return the phase after the server's
	 */
	@Override
	public int getPhase() {
		return CoapServerLifecycle.PHASE + 1;
	}

}
