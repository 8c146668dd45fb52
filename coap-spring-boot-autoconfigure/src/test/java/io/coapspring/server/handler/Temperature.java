package io.coapspring.server.handler;

/**
 * A return type handled by an application's own return value handler.
 *
 * @param celsius the temperature
 */
record Temperature(double celsius) {
}
