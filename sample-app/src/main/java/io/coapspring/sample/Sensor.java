package io.coapspring.sample;

import io.coapspring.annotation.CoapObservableValue;

/**
 * A temperature sensor and its latest reading. The reading is the value that the conditional attributes of an
 * observer compare ({@code ?gt=25}, {@code ?st=0.5}, ...).
 *
 * @param id the identifier
 * @param name a human-readable name
 * @param celsius the latest reading
 * @param threshold the alarm threshold
 */
public record Sensor(String id, String name, @CoapObservableValue double celsius, Threshold threshold) {

	Sensor withName(String name) {
		return new Sensor(this.id, name, this.celsius, this.threshold);
	}

	Sensor withCelsius(double celsius) {
		return new Sensor(this.id, this.name, celsius, this.threshold);
	}

	Sensor withThreshold(Threshold threshold) {
		return new Sensor(this.id, this.name, this.celsius, threshold);
	}

}
