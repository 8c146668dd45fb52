/**
 * A CoAP load generator over plain datagram channels, independent of Californium: closed-loop request runs, observe fan-out, and the CPU time of a process.
 */
@NullMarked
package io.coapspring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
