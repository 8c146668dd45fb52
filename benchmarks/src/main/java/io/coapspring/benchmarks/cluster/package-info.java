/**
 * Cluster mode: the latency of a change signalled on one node until an observer on another node has it.
 */
@NullMarked
package io.coapspring.benchmarks.cluster;

import org.jspecify.annotations.NullMarked;
