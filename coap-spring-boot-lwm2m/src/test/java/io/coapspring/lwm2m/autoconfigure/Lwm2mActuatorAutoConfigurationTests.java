package io.coapspring.lwm2m.autoconfigure;

import java.time.Duration;

import io.coapspring.lwm2m.actuate.Lwm2mEndpoint;
import io.coapspring.lwm2m.actuate.Lwm2mHealthIndicator;
import io.coapspring.lwm2m.actuate.Lwm2mMetrics;
import io.coapspring.lwm2m.core.Lwm2mClientNotRegisteredException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The health indicator, the {@code lwm2m} endpoint and the metrics, with a real client registered.
 */
class Lwm2mActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Lwm2mServerAutoConfiguration.class,
				Lwm2mActuatorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				EndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
				"management.endpoints.web.exposure.include=lwm2m", "management.endpoints.jmx.exposure.include=lwm2m");

	@Test
	void healthEndpointAndMetricsDescribeTheRegisteredClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Lwm2mHealthIndicator.class)
				.hasSingleBean(Lwm2mEndpoint.class)
				.hasSingleBean(Lwm2mMetrics.class);
			try (Lwm2mTestClient client = Lwm2mRegistrationEventsTests.client(context, "ops-1").build()) {
				client.start();
				client.awaitRegistered(Duration.ofSeconds(10));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("lwm2m.registrations").gauge().value() == 1.0);
				assertThat(meters.get("lwm2m.registrations.max").gauge().value()).isEqualTo(10_000.0);

				Health health = context.getBean(Lwm2mHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("registrations", 1);

				Lwm2mEndpoint endpoint = context.getBean(Lwm2mEndpoint.class);
				assertThat(endpoint.clients().clients()).singleElement().satisfies((descriptor) -> {
					assertThat(descriptor.endpoint()).isEqualTo("ops-1");
					assertThat(descriptor.objects()).contains("/3/0");
					assertThat(descriptor.lifetimeSeconds()).isEqualTo(300);
					assertThat(descriptor.address()).startsWith("127.0.0.1:");
				});
				assertThat(endpoint.client("ops-1")).isNotNull();
				assertThat(endpoint.client("nobody")).isNull();

				Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
				lwm2m.read("ops-1", "/3/0/0");
				assertThatExceptionOfType(Lwm2mClientNotRegisteredException.class)
					.isThrownBy(() -> lwm2m.read("nobody", "/3/0/0"));
				assertThat(meters.get("lwm2m.operations").tag("operation", "read").tag("outcome", "success").timer()
					.count()).isEqualTo(1);
				assertThat(meters.get("lwm2m.operations")
					.tag("operation", "read")
					.tag("outcome", "not-registered")
					.timer()
					.count()).isEqualTo(1);
			}
		});
	}

	@Test
	void healthIsDownWhenTheServerIsStopped() {
		this.runner.run((context) -> {
			context.getBean(io.coapspring.lwm2m.server.Lwm2mServerLifecycle.class).stop();
			assertThat(context.getBean(Lwm2mHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void backsOffWithoutMicrometerOrWhenTheIndicatorIsDisabled() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(Lwm2mServerAutoConfiguration.class, Lwm2mActuatorAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0")
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mMetrics.class));
		this.runner.withPropertyValues("management.health.lwm2m.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mHealthIndicator.class));
	}

}
