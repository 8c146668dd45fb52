/**
 * JMH microbenchmarks of the hot path.
 */
@NullMarked
package io.coapspring.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
