package io.coapspring.test.slice;

import org.springframework.stereotype.Service;

/**
 * A service the controllers depend on, left out of a {@code @CoapTest}.
 */
@Service
public class Thermometer {

	private volatile double celsius = 21.5;

	public double celsius() {
		return this.celsius;
	}

	public void set(double celsius) {
		this.celsius = celsius;
	}

}
