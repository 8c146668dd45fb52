package io.coapspring.server.handler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful shutdown waits for a handler method that is still running, refusing (and counting) new requests
 * meanwhile.
 */
class GracefulShutdownEndToEndTests {

	@Test
	void shutdownWaitsForRunningHandlerMethods() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SlowApplication.class)
			.web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "coap.server.shutdown-timeout=10s", "spring.main.banner-mode=off")
			.run();
		SlowApplication.SlowController slow = context.getBean(SlowApplication.SlowController.class);
		CoapRequestGate gate = context.getBean(CoapRequestGate.class);
		int port = context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
		try (CoapTestClient client = CoapTestClient.ipv4(port); CoapTestClient late = CoapTestClient.ipv4(port)) {
			CompletableFuture<CoapResponse> inFlight = CompletableFuture.supplyAsync(() -> client.get("/slow"));
			assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(late.get("/slow").getCode())
					.isEqualTo(ResponseCode.SERVICE_UNAVAILABLE));
			assertThat(closed).isNotDone();
			assertThat(gate.refusedCount()).isPositive();
			slow.release.countDown();
			CoapResponse response = inFlight.get(5, TimeUnit.SECONDS);
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).isEqualTo("done");
			// well within the 10 s shutdown timeout: the acknowledged separate response is no longer in flight
			closed.get(3, TimeUnit.SECONDS);
		}
		finally {
			slow.release.countDown();
			context.close();
		}
	}

}
