/**
 * The LWM2M scenarios, not part of the harness's default run (it includes only
 * {@code io.coapspring.benchmarks.jmh}): {@link io.coapspring.benchmarks.lwm2m.Lwm2mLoadMain} compares the
 * starter's LWM2M server with raw Leshan (registrations/s, reads/s, heap per registration), and
 * {@link io.coapspring.benchmarks.lwm2m.Lwm2mOperationBenchmarks} is JMH on single template operations, run with
 * {@code java -cp <benchmarks classpath> org.openjdk.jmh.Main io.coapspring.benchmarks.lwm2m.Lwm2mOperationBenchmarks}.
 */
@NullMarked
package io.coapspring.benchmarks.lwm2m;

import org.jspecify.annotations.NullMarked;
