/**
 * The scenario servers: raw Californium with its own or the starter's defaults, and the resources every server offers.
 */
@NullMarked
package io.coapspring.benchmarks.servers;

import org.jspecify.annotations.NullMarked;
