package io.coapspring.lwm2m.autoconfigure;

import java.time.Duration;

import io.coapspring.lwm2m.core.Lwm2mClientNotRegisteredException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.observation.DefaultLwm2mRequestObservationConvention;
import io.coapspring.lwm2m.observation.Lwm2mRequestObservationConvention;
import io.coapspring.lwm2m.observation.ObservationLwm2mOperationObserver;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Lwm2mObservationAutoConfiguration}: one Micrometer observation per template operation, against a real
 * Leshan client.
 */
class Lwm2mObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(Lwm2mServerAutoConfiguration.class, Lwm2mObservationAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

	@Test
	void eachOperationIsObservedWithItsOutcome() {
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			TestObservationRegistry registry = (TestObservationRegistry) context.getBean(ObservationRegistry.class);
			int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
			try (Lwm2mTestClient client = Lwm2mTestClient.builder("traced-1")
				.serverUri("coap://127.0.0.1:" + port)
				.build()) {
				client.start();
				client.awaitRegistered(Duration.ofSeconds(10));
				Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
				assertThat(lwm2m.read("traced-1", "/3/0/0").asString()).isNotEmpty();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("lwm2m.requests")
					.that()
					.hasContextualNameEqualTo("lwm2m read")
					.hasLowCardinalityKeyValue("operation", "read")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasHighCardinalityKeyValue("lwm2m.endpoint", "traced-1")
					.hasHighCardinalityKeyValue("lwm2m.path", "/3/0/0")
					.hasBeenStarted()
					.hasBeenStopped();
				registry.clear();
				assertThatExceptionOfType(Lwm2mClientNotRegisteredException.class)
					.isThrownBy(() -> lwm2m.write("nobody", "/3/0/14", "+01:00"));
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("lwm2m.requests")
					.that()
					.hasLowCardinalityKeyValue("operation", "write")
					.hasLowCardinalityKeyValue("outcome", "not-registered")
					.assertThatError()
					.isInstanceOf(Lwm2mClientNotRegisteredException.class);
			}
		});
	}

	@Test
	void conventionBeanReplacesTheDefault() {
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(Lwm2mRequestObservationConvention.class,
					() -> new DefaultLwm2mRequestObservationConvention("devices.calls"))
			.run((context) -> {
				TestObservationRegistry registry = (TestObservationRegistry) context
					.getBean(ObservationRegistry.class);
				assertThatExceptionOfType(Lwm2mClientNotRegisteredException.class)
					.isThrownBy(() -> context.getBean(Lwm2mOperations.class).read("nobody", "/3/0/0"));
				TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("devices.calls");
			});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ObservationLwm2mOperationObserver.class);
		});
	}

}
