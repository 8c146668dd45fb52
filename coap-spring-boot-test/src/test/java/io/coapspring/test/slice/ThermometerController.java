package io.coapspring.test.slice;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPutMapping;

/**
 * The controller under test.
 */
@CoapController
public class ThermometerController {

	private final Thermometer thermometer;

	public ThermometerController(Thermometer thermometer) {
		this.thermometer = thermometer;
	}

	@CoapGetMapping(path = "/temperature/{sensor}", produces = "application/json", observable = true)
	public Reading read(@CoapPathVariable String sensor) {
		if (sensor.equals("broken")) {
			throw new IllegalArgumentException("sensor " + sensor + " is broken");
		}
		return new Reading(sensor, this.thermometer.celsius());
	}

	@CoapPutMapping(path = "/temperature", consumes = "application/json")
	public void write(@CoapPayload Reading reading) {
		this.thermometer.set(reading.celsius());
	}

}
