package io.coapspring.actuate;

import java.util.List;
import java.util.Map;

import io.coapspring.actuate.health.CoapHealthIndicator;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHealthContributorAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.context.CoapServerLifecycle;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states of the {@code coap} health contributor on a real server.
 */
class CoapHealthIndicatorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHealthContributorAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1");

	@Test
	void upWhileEveryEndpointIsStarted() {
		this.runner.run((context) -> {
			Health health = context.getBean(CoapHealthIndicator.class).health();
			int port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("endpoints");
			assertThat(endpoints(health)).singleElement()
				.isEqualTo(Map.of("uri", "coap://127.0.0.1:" + port, "started", true));
		});
	}

	@Test
	void downWhileShuttingDown() {
		this.runner.run((context) -> {
			CoapRequestGate gate = context.getBean(CoapRequestGate.class);
			gate.stopAccepting();
			try {
				Health health = context.getBean(CoapHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason", "CoAP server is shutting down");
			}
			finally {
				gate.startAccepting();
			}
			assertThat(context.getBean(CoapHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void downWithTheEndpointThatStopped() {
		this.runner.run((context) -> {
			Endpoint endpoint = context.getBean(CoapServer.class).getEndpoints().get(0);
			String uri = endpoint.getUri().toString();
			endpoint.stop();
			Health health = context.getBean(CoapHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "CoAP endpoint(s) not started: " + uri);
			assertThat(endpoints(health)).singleElement().extracting((details) -> details.get("started"))
				.isEqualTo(false);
		});
	}

	@Test
	void downOnceTheServerIsStopped() {
		this.runner.run((context) -> {
			context.getBean(CoapServerLifecycle.class).stop();
			Health health = context.getBean(CoapHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "CoAP server is not running");
		});
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> endpoints(Health health) {
		return (List<Map<String, Object>>) health.getDetails().get("endpoints");
	}

}
