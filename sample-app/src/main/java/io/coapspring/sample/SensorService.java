package io.coapspring.sample;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The sensors of the application, in memory. Every change is published as a {@link SensorChanged} event.
 */
@Service
public class SensorService {

	private final Map<String, Sensor> sensors = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final ApplicationEventPublisher events;

	SensorService(ApplicationEventPublisher events) {
		this.events = events;
		create("Kitchen", 21.5);
		create("Cellar", 12.0);
	}

	/**
	 * Return every sensor, by identifier.
	 * @return the sensors
	 */
	public List<Sensor> findAll() {
		return this.sensors.values().stream().sorted(Comparator.comparing(Sensor::id)).toList();
	}

	/**
	 * Find a sensor.
	 * @param id the identifier
	 * @return the sensor, if it exists
	 */
	public Optional<Sensor> find(String id) {
		return Optional.ofNullable(this.sensors.get(id));
	}

	/**
	 * Create a sensor with a default threshold.
	 * @param name its name
	 * @param celsius its first reading
	 * @return the new sensor
	 */
	public Sensor create(String name, double celsius) {
		String id = String.valueOf(this.ids.incrementAndGet());
		Sensor sensor = new Sensor(id, name, celsius, new Threshold(30, "above"));
		this.sensors.put(id, sensor);
		return sensor;
	}

	/**
	 * Replace a sensor, if it still exists: a change computed from a sensor that was deleted meanwhile (the
	 * simulation's drift, for one) does not bring it back.
	 * @param sensor the new state
	 */
	public void save(Sensor sensor) {
		if (this.sensors.replace(sensor.id(), sensor) != null) {
			this.events.publishEvent(new SensorChanged(sensor.id()));
		}
	}

	/**
	 * Delete a sensor.
	 * @param id the identifier
	 * @return whether it existed
	 */
	public boolean delete(String id) {
		boolean deleted = this.sensors.remove(id) != null;
		if (deleted) {
			this.events.publishEvent(new SensorChanged(id));
		}
		return deleted;
	}

}
