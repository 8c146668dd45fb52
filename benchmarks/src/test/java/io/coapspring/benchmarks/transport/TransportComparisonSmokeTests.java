package io.coapspring.benchmarks.transport;

import java.time.Duration;
import java.util.Map;

import io.coapspring.benchmarks.transport.TransportComparison.Pass;
import io.coapspring.client.CoapTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport comparison's smoke pass: the server with its three endpoints, a short closed-loop pass over
 * each. It checks that every request got its response over UDP, {@code coap+tcp} and {@code coap+ws}, never how
 * fast.
 */
class TransportComparisonSmokeTests {

	@Test
	void everyRequestIsAnsweredOverEachTransport() throws Exception {
		try (ConfigurableApplicationContext context = TransportComparison.start()) {
			Map<String, String> uris = TransportComparison.uris(context);
			assertThat(uris).containsOnlyKeys("udp (CON)", "coap+tcp", "coap+ws");
			CoapTemplate template = context.getBean(CoapTemplate.class);
			for (String uri : uris.values()) {
				Pass pass = TransportComparison.run(template, uri, 4, Duration.ofMillis(300));
				assertThat(pass.completed()).as(uri).isPositive();
				assertThat(pass.failed()).as(uri).isZero();
			}
		}
	}

}
