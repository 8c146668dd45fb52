/**
 * The benchmark harness: starts each scenario server as its own process, warms it up, measures it and prints one table.
 */
@NullMarked
package io.coapspring.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
