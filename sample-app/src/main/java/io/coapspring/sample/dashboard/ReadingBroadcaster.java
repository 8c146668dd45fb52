package io.coapspring.sample.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes readings to the browsers as Server-Sent Events: a {@code history} event with the series kept when a browser
 * connects, then a {@code reading} event per reading. At most {@code sample.dashboard.max-clients} browsers at once
 * (metric {@code sample.dashboard.clients}); events go out from one thread of their own with a bounded queue, so that
 * a slow browser never holds up the CoAP or LWM2M threads that deliver the readings. The streams end first when the
 * application stops, so that an open dashboard does not hold up the web server's graceful shutdown.
 *
 * @since 0.1.0
 */
@Component
public class ReadingBroadcaster implements SmartLifecycle, DisposableBean {

	private static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(30);

	private final DashboardProperties properties;

	private volatile boolean running;

	private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1024), new CustomizableThreadFactory("dashboard-sse-"),
			new ThreadPoolExecutor.DiscardOldestPolicy());

	ReadingBroadcaster(DashboardProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.properties = properties;
		meters.ifAvailable((registry) -> Gauge.builder("sample.dashboard.clients", this.clients, Set::size)
			.description("Browsers receiving live readings")
			.register(registry));
	}

	/**
	 * Connect a browser.
	 * @param history the series kept so far, sent first
	 * @return the event stream, or empty if {@code sample.dashboard.max-clients} browsers are connected already or
	 * the application is stopping
	 */
	public synchronized Optional<SseEmitter> connect(List<Series> history) {
		if (!this.running || this.clients.size() >= this.properties.getMaxClients()) {
			return Optional.empty();
		}
		SseEmitter emitter = new SseEmitter(CONNECTION_TIMEOUT.toMillis());
		emitter.onCompletion(() -> this.clients.remove(emitter));
		emitter.onTimeout(() -> this.clients.remove(emitter));
		emitter.onError((ex) -> this.clients.remove(emitter));
		try {
			emitter.send(SseEmitter.event().name("history").data(history, MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
			return Optional.empty();
		}
		this.clients.add(emitter);
		return Optional.of(emitter);
	}

	/**
	 * Send a reading to every browser connected.
	 * @param reading the reading
	 */
	public void publish(ChartPoint reading) {
		if (this.clients.isEmpty()) {
			return;
		}
		this.sender.execute(() -> {
			for (SseEmitter client : this.clients) {
				try {
					client.send(SseEmitter.event().name("reading").data(reading, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					this.clients.remove(client);
					client.completeWithError(ex);
				}
			}
		});
	}

	/**
	 * Return how many browsers are connected.
	 * @return the number
	 */
	public int clients() {
		return this.clients.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * End every stream: the browsers reconnect to the next instance by themselves.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.clients.forEach(SseEmitter::complete);
		this.clients.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		stop();
		this.sender.shutdownNow();
	}

}
