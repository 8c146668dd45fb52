package io.coapspring.sample;

/**
 * The outcome of a calibration.
 *
 * @param sensor the sensor
 * @param offset the correction applied to its readings
 */
public record Calibration(String sensor, double offset) {
}
