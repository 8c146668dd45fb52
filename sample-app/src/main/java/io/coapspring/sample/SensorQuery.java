package io.coapspring.sample;

/**
 * The selection of a FETCH request: sensors whose reading is at least {@code minCelsius}.
 *
 * @param minCelsius the lowest reading selected
 */
public record SensorQuery(double minCelsius) {
}
