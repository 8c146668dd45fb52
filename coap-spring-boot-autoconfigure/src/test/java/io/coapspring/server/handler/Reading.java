package io.coapspring.server.handler;

/**
 * A payload of the end-to-end tests.
 *
 * @param sensor the sensor
 * @param value the value
 */
record Reading(String sensor, double value) {
}
