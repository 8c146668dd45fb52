package io.coapspring.sample;

import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Simulated sensors: every reading drifts a little each {@code sample.simulation.interval} (1 s by default), so
 * that an observer of {@code coap://localhost/sensors/1} sees notifications arrive. Switched off with
 * {@code sample.simulation.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.simulation.enabled", matchIfMissing = true)
class SensorSimulation {

	private static final double STEP_CELSIUS = 0.5;

	private final SensorService sensors;

	private final Random random = new Random();

	SensorSimulation(SensorService sensors) {
		this.sensors = sensors;
	}

	@Scheduled(fixedRateString = "${sample.simulation.interval:1s}",
			initialDelayString = "${sample.simulation.interval:1s}")
	void drift() {
		for (Sensor sensor : this.sensors.findAll()) {
			double drift = (this.random.nextDouble() * 2 - 1) * STEP_CELSIUS;
			double celsius = Math.round((sensor.celsius() + drift) * 10) / 10.0;
			this.sensors.save(sensor.withCelsius(Math.max(-50, Math.min(150, celsius))));
		}
	}

}
