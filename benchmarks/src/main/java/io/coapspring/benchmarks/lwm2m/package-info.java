/**
 * The LWM2M scenario: JMH benchmarks of {@code Lwm2mTemplate} operations against Leshan's client over loopback.
 * Not part of the harness's default run (it includes only {@code io.coapspring.benchmarks.jmh}); run it with
 * {@code java -cp <benchmarks classpath> org.openjdk.jmh.Main io.coapspring.benchmarks.lwm2m.Lwm2mOperationBenchmarks}; the load comparison with raw Leshan is {@link io.coapspring.benchmarks.lwm2m.Lwm2mLoadMain}.
 */
@NullMarked
package io.coapspring.benchmarks.lwm2m;

import org.jspecify.annotations.NullMarked;
