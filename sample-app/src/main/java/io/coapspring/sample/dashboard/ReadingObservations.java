package io.coapspring.sample.dashboard;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapOperations;
import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.sample.Sensor;
import io.coapspring.sample.SensorChanged;
import io.coapspring.sample.SensorService;
import io.coapspring.sample.simulator.CoapNodeSimulators;
import io.coapspring.sample.simulator.SimulatedCoapNode;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.context.CoapServerLifecycle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Observes what the chart shows, as any client of the devices would: the sensors of this application
 * ({@code /sensors/{id}/celsius}) and the simulated CoAP nodes ({@code /humidity}) through {@link CoapOperations},
 * and the battery level ({@code /3/0/9}) of every LWM2M device that registers through {@link Lwm2mOperations}.
 * Each notification goes into the {@link ReadingHistory} and out to the browsers through the
 * {@link ReadingBroadcaster}. A sensor created at run time is observed when it first changes; a series is not
 * observed when the history is full. In cluster mode (the {@code cluster} profile) a battery notification can
 * reach this node for an observation another node started (it lives in Redis, and the device's traffic moved here
 * when that node died): it is charted too.
 *
 * @since 0.1.0
 */
@Component
public class ReadingObservations implements SmartLifecycle {

	static final String BATTERY_LEVEL = "/3/0/9";

	private static final Logger logger = LoggerFactory.getLogger(ReadingObservations.class);

	private final CoapOperations coap;

	private final ObjectProvider<Lwm2mOperations> lwm2m;

	private final SensorService sensors;

	private final ObjectProvider<CoapNodeSimulators> simulators;

	private final ReadingHistory history;

	private final ReadingBroadcaster broadcaster;

	private final Environment environment;

	private final Map<String, Runnable> observations = new ConcurrentHashMap<>();

	private final Set<String> adopted = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean warnedFull = new AtomicBoolean();

	private volatile boolean running;

	ReadingObservations(CoapOperations coap, ObjectProvider<Lwm2mOperations> lwm2m, SensorService sensors,
			ObjectProvider<CoapNodeSimulators> simulators, ReadingHistory history, ReadingBroadcaster broadcaster,
			Environment environment) {
		this.coap = coap;
		this.lwm2m = lwm2m;
		this.sensors = sensors;
		this.simulators = simulators;
		this.history = history;
		this.broadcaster = broadcaster;
		this.environment = environment;
	}

	/**
	 * Return the series identifier of a sensor of this application.
	 * @param sensorId the sensor
	 * @return the series identifier
	 */
	public static String sensorSeries(String sensorId) {
		return "coap:sensor/" + sensorId;
	}

	/**
	 * Return the series identifier of a simulated CoAP node.
	 * @param node the node's name
	 * @return the series identifier
	 */
	public static String nodeSeries(String node) {
		return "coap:" + node + "/humidity";
	}

	/**
	 * Return the series identifier of an LWM2M device's battery level.
	 * @param endpoint the device's endpoint name
	 * @return the series identifier
	 */
	public static String batterySeries(String endpoint) {
		return "lwm2m:" + endpoint + BATTERY_LEVEL;
	}

	@Override
	public void start() {
		this.running = true;
		this.sensors.findAll().forEach(this::observe);
		CoapNodeSimulators nodes = this.simulators.getIfAvailable();
		if (nodes != null) {
			nodes.nodes().forEach(this::observe);
		}
		Lwm2mOperations operations = this.lwm2m.getIfAvailable();
		if (operations != null) {
			operations.getRegistrations().forEach((registration) -> observeBattery(registration.endpoint()));
		}
	}

	@EventListener
	void sensorChanged(SensorChanged event) {
		String id = sensorSeries(event.id());
		if (!this.running) {
			return;
		}
		this.sensors.find(event.id()).ifPresentOrElse((sensor) -> {
			if (!this.observations.containsKey(id)) {
				observe(sensor);
			}
		}, () -> cancel(id));
	}

	@EventListener
	void lwm2mRegistered(Lwm2mRegisteredEvent event) {
		if (this.running) {
			observeBattery(event.getEndpoint());
		}
	}

	@EventListener
	void lwm2mNotification(Lwm2mNotificationEvent event) {
		String id = batterySeries(event.getEndpoint());
		if (!this.running || !BATTERY_LEVEL.equals(event.getContent().path())) {
			return;
		}
		if (this.observations.containsKey(id)) {
			if (this.adopted.contains(id)) {
				record(id, event.getContent());
			}
			// otherwise this node's own observation records it
			return;
		}
		if (open(id, event.getEndpoint() + " battery", "%", "lwm2m:" + event.getEndpoint() + BATTERY_LEVEL)) {
			this.adopted.add(id);
			this.observations.put(id, () -> this.adopted.remove(id));
			record(id, event.getContent());
		}
	}

	@EventListener
	void lwm2mDeregistered(Lwm2mDeregisteredEvent event) {
		cancel(batterySeries(event.getEndpoint()));
	}

	private void observe(Sensor sensor) {
		Integer port = this.environment.getProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY,
				Integer.class);
		if (port == null) {
			return;
		}
		String uri = "coap://127.0.0.1:" + port + "/sensors/" + sensor.id() + "/celsius";
		observeCoap(sensorSeries(sensor.id()), sensor.name(), "°C", uri);
	}

	private void observe(SimulatedCoapNode node) {
		observeCoap(nodeSeries(node.name()), node.name() + " humidity", "%RH", node.readingUri().toString());
	}

	private void observeCoap(String id, String label, String unit, String uri) {
		if (!open(id, label, unit, uri)) {
			return;
		}
		try {
			CoapObservation<String> observation = this.coap.observe(uri, String.class, (value) -> record(id, value),
					(ex) -> {
						logger.debug("Observation of {} ended", uri, ex);
						cancel(id);
					});
			this.observations.put(id, observation::cancel);
		}
		catch (RuntimeException ex) {
			logger.info("Cannot observe {}: {}", uri, ex.getMessage());
			this.history.close(id);
		}
	}

	private void observeBattery(String endpoint) {
		Lwm2mOperations operations = this.lwm2m.getIfAvailable();
		String id = batterySeries(endpoint);
		if (operations == null || !open(id, endpoint + " battery", "%", "lwm2m:" + endpoint + BATTERY_LEVEL)) {
			return;
		}
		this.observations.put(id, () -> {
		});
		operations.observeAsync(endpoint, BATTERY_LEVEL, (content) -> record(id, content)).whenComplete((observation,
				ex) -> {
			if (ex != null) {
				logger.info("Cannot observe {} of LWM2M device {}: {}", BATTERY_LEVEL, endpoint, ex.getMessage());
				cancel(id);
			}
			else if (this.observations.replace(id, observation::cancel) == null) {
				observation.cancel();
			}
			else {
				record(id, observation.initialContent());
			}
		});
	}

	private boolean open(String id, String label, String unit, String source) {
		if (this.observations.containsKey(id)) {
			return false;
		}
		if (!this.history.open(id, label, unit, source)) {
			if (this.warnedFull.compareAndSet(false, true)) {
				logger.warn("Not charting {} and further resources: the dashboard keeps {} series already "
						+ "(sample.dashboard.max-series)",
						source, this.history.seriesIds().size());
			}
			return false;
		}
		return true;
	}

	private void record(String id, Lwm2mContent content) {
		if (content.value() instanceof Number number) {
			record(id, number.doubleValue());
		}
	}

	private void record(String id, @Nullable String text) {
		if (text != null) {
			try {
				record(id, Double.parseDouble(text.trim()));
			}
			catch (NumberFormatException ex) {
				logger.debug("Not a number from {}: {}", id, text);
			}
		}
	}

	private void record(String id, double value) {
		this.history.add(id, value).ifPresent(this.broadcaster::publish);
	}

	private void cancel(String id) {
		Runnable cancel = this.observations.remove(id);
		this.history.close(id);
		if (cancel != null) {
			cancel.run();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.observations.keySet().forEach(this::cancel);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Start after the simulated nodes, stop before them.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return CoapServerLifecycle.PHASE + 3;
	}

}
