package io.coapspring.client;

/**
 * A sensor reading exchanged as JSON or CBOR in tests.
 *
 * @param sensor the sensor id
 * @param value the value
 * @param unit the unit
 */
public record Reading(String sensor, double value, String unit) {

}
