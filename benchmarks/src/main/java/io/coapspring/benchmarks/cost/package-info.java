/**
 * JMH microbenchmarks of the per-request work cut in issue 24, run by hand against two builds of the starter
 * (not part of the harness's {@code jmh} scenario); see {@code docs/performance.md}, "What a request costs".
 */
@NullMarked
package io.coapspring.benchmarks.cost;

import org.jspecify.annotations.NullMarked;
