package io.coapspring.benchmarks.servers.starter;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapNonBlocking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The GET and JSON POST scenarios of {@link BenchmarkCoapController}, inherited unchanged and declared
 * {@link CoapNonBlocking} (neither method blocks), so that they run on the protocol thread without the hand-off
 * to the handler executor. Active with {@code benchmark.non-blocking=true} (the harness's {@code starter-nb}
 * server), instead of {@link BenchmarkCoapController}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
@CoapNonBlocking
@ConditionalOnProperty(name = StarterBenchmarkApplication.NON_BLOCKING_PROPERTY, havingValue = "true")
class NonBlockingBenchmarkCoapController extends BenchmarkCoapController {

}
