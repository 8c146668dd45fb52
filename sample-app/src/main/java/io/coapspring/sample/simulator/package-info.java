/**
 * Simulated devices that keep the dashboard alive without hardware: small CoAP sensor servers on loopback that
 * register with the application's Resource Directory ({@code sample.simulators.*}).
 */
@NullMarked
package io.coapspring.sample.simulator;

import org.jspecify.annotations.NullMarked;
