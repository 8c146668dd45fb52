package io.coapspring.server.handler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that finds every handler thread busy and the queue full is answered 5.03 Service Unavailable, and
 * counted as rejected.
 */
class ExecutorSaturationEndToEndTests {

	@Test
	void saturatedExecutorAnswersServiceUnavailable() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SlowApplication.class)
			.web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "coap.server.executor.max-threads=1",
					"coap.server.executor.queue-capacity=0", "spring.main.banner-mode=off")
			.run()) {
			SlowApplication.SlowController slow = context.getBean(SlowApplication.SlowController.class);
			int port = context.getEnvironment()
				.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
			try (CoapTestClient client = CoapTestClient.ipv4(port); CoapTestClient other = CoapTestClient.ipv4(port)) {
				CompletableFuture<CoapResponse> blocked = CompletableFuture.supplyAsync(() -> client.get("/slow"));
				assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
				CoapResponse busy = other.get("/fast");
				assertThat(busy.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
				assertThat(busy.getOptions().getMaxAge()).isEqualTo(2);
				assertThat(context.getBean(CoapHandlerExecutor.class).rejectedCount()).isEqualTo(1);
				assertThat(context.getBean(MeterRegistry.class)
					.get("coap.server.requests.rejected")
					.tag("reason", "overloaded")
					.functionCounter()
					.count()).isEqualTo(1);
				slow.release.countDown();
				assertThat(blocked.get(5, TimeUnit.SECONDS).getResponseText()).isEqualTo("done");
				// the handler thread sends its response before it is free again: the next request may still find it busy
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(other.get("/fast").getResponseText()).isEqualTo("fast"));
			}
			finally {
				slow.release.countDown();
			}
		}
	}

}
