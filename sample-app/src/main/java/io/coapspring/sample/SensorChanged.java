package io.coapspring.sample;

/**
 * Published when a sensor changed or was deleted.
 *
 * @param id the identifier of the sensor
 */
public record SensorChanged(String id) {
}
