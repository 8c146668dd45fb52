package io.coapspring.server.observe;

import io.coapspring.annotation.CoapObservableValue;

/**
 * A reading whose numeric value the conditional attributes compare.
 *
 * @param id the thermometer
 * @param celsius the temperature
 */
record Thermometer(String id, @CoapObservableValue double celsius) {

}
