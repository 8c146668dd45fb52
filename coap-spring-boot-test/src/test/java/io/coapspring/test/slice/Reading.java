package io.coapspring.test.slice;

/**
 * A reading, written as JSON.
 *
 * @param sensor the sensor
 * @param celsius the temperature
 */
public record Reading(String sensor, double celsius) {

}
