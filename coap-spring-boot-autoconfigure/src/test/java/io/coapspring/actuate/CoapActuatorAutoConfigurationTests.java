package io.coapspring.actuate;

import java.net.InetSocketAddress;

import io.coapspring.actuate.endpoint.CoapMappingsEndpoint;
import io.coapspring.actuate.health.CoapHealthIndicator;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapHealthContributorAutoConfiguration;
import io.coapspring.autoconfigure.CoapMappingsEndpointAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapMetricsAutoConfiguration;
import io.coapspring.autoconfigure.CoapObservationAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;
import io.coapspring.client.observation.CoapClientObservationContext;
import io.coapspring.client.observation.CoapClientObservationConvention;
import io.coapspring.server.metrics.CoapServerMetrics;
import io.coapspring.server.observation.CoapServerMeterObservationHandler;
import io.coapspring.server.observation.CoapServerObservationContext;
import io.coapspring.server.observation.CoapServerObservationConvention;
import io.coapspring.server.observation.CoapServerObservationInstrumentation;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the auto-configurations of observations, metrics, health and the {@code coap} endpoint, with and
 * without Micrometer and the actuator on the classpath.
 */
class CoapActuatorAutoConfigurationTests {

	private final ApplicationContextRunner coap = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, CoapClientAutoConfiguration.class,
				CoapObservationAutoConfiguration.class, CoapMetricsAutoConfiguration.class,
				CoapHealthContributorAutoConfiguration.class, CoapMappingsEndpointAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	private final ApplicationContextRunner observed = this.coap
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class));

	private final ApplicationContextRunner metered = this.coap.withConfiguration(
			AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class));

	private final ApplicationContextRunner health = this.coap
		.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class));

	private final ApplicationContextRunner endpoint = this.coap
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class));

	@Test
	void withoutObservationRegistryNothingIsObserved() {
		this.coap.run((context) -> {
			assertThat(context).doesNotHaveBean(ObservationRegistry.class)
				.doesNotHaveBean(CoapServerObservationInstrumentation.class)
				.doesNotHaveBean(CoapTemplateCustomizer.class);
			assertThat(ReflectionTestUtils.getField(ReflectionTestUtils
				.getField(context.getBean(CoapTemplateBuilder.class).build(), "observations"), "registry"))
				.isSameAs(ObservationRegistry.NOOP);
		});
	}

	@Test
	void observationRegistryObservesServerAndClient() {
		this.observed.run((context) -> {
			assertThat(context).hasSingleBean(CoapServerObservationInstrumentation.class)
				.hasSingleBean(CoapTemplateCustomizer.class);
			assertThat(ReflectionTestUtils.getField(ReflectionTestUtils
				.getField(context.getBean(CoapTemplateBuilder.class).build(), "observations"), "registry"))
				.isSameAs(context.getBean(ObservationRegistry.class));
		});
	}

	@Test
	void observationsBackOffWithoutTheObservationApi() {
		this.observed.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapServerObservationInstrumentation.class)
				.doesNotHaveBean(CoapTemplateCustomizer.class));
	}

	@Test
	void serverObservationsNeedAServer() {
		this.observed.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapServerObservationInstrumentation.class)
				.hasSingleBean(CoapTemplateCustomizer.class));
	}

	@Test
	void userConventionsReplaceTheDefaultOnes() {
		this.observed.withUserConfiguration(Conventions.class).run((context) -> {
			assertThat(ReflectionTestUtils.getField(context.getBean(CoapServerObservationInstrumentation.class),
					"convention"))
				.isSameAs(context.getBean(CoapServerObservationConvention.class));
			assertThat(ReflectionTestUtils.getField(ReflectionTestUtils
				.getField(context.getBean(CoapTemplateBuilder.class).build(), "observations"), "convention"))
				.isSameAs(context.getBean(CoapClientObservationConvention.class));
		});
	}

	@Test
	void userInstrumentationWins() {
		this.observed.withBean("custom", CoapServerObservationInstrumentation.class,
				() -> new CoapServerObservationInstrumentation(ObservationRegistry.NOOP))
			.run((context) -> assertThat(context).hasSingleBean(CoapServerObservationInstrumentation.class)
				.hasBean("custom"));
	}

	@Test
	void meterRegistryGetsTheServerMeters() {
		this.metered.run((context) -> {
			assertThat(context).hasSingleBean(CoapServerMetrics.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("coap.server.exchanges.active").gauge()).isNotNull();
			assertThat(meters.find("coap.server.observe.relations").gauge()).isNotNull();
			assertThat(meters.find("coap.server.malformed").tag("scheme", "coap").functionCounter()).isNotNull();
			assertThat(meters.find("coap.server.requests.rejected").tag("reason", "overloaded").functionCounter())
				.isNotNull();
		});
	}

	@Test
	void serverObservationsAreMeteredByTheCoapHandlerFirst() {
		this.metered.run((context) -> {
			assertThat(context).hasSingleBean(CoapServerMeterObservationHandler.class);
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Request request = Request.newGet();
			request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
			CoapServerObservationContext observed = new CoapServerObservationContext(request);
			Observation observation = Observation.createNotStarted("coap.server.requests", () -> observed, registry)
				.start();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("coap.server.requests.active").longTaskTimer().activeTasks()).isOne();
			observation.stop();
			assertThat(meters.find("coap.server.requests").tag("error", "none").timer().count()).isOne();
			// the CoAP handler took it: the default one would have kept a Timer.Sample in the context's map
			assertThat((Object) observed.get(Timer.Sample.class)).isNull();
		});
	}

	@Test
	void serverObservationsHonourIgnoredLongTaskTimers() {
		this.metered.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				Request request = Request.newGet();
				request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
				Observation.createNotStarted("coap.server.requests", () -> new CoapServerObservationContext(request),
						registry)
					.start()
					.stop();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("coap.server.requests").timer().count()).isOne();
				assertThat(meters.find("coap.server.requests.active").longTaskTimer()).isNull();
			});
	}

	@Test
	void metersNeedNoObservationRegistry() {
		this.coap.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CoapServerMetrics.class)
				.doesNotHaveBean(CoapServerObservationInstrumentation.class));
	}

	@Test
	void metersBackOffWithoutAMeterRegistry() {
		this.observed.run((context) -> assertThat(context).doesNotHaveBean(CoapServerMetrics.class));
	}

	@Test
	void metersBackOffWithoutMicrometer() {
		this.coap.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(SimpleMeterRegistry.class)
				.doesNotHaveBean(CoapServerMetrics.class));
	}

	@Test
	void metersNeedAServer() {
		this.metered.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(CoapServerMetrics.class));
	}

	@Test
	void healthContributorIsNamedCoap() {
		this.health.run((context) -> assertThat(context).hasSingleBean(CoapHealthIndicator.class)
			.hasBean("coapHealthIndicator"));
	}

	@Test
	void healthContributorCanBeDisabled() {
		this.health.withPropertyValues("management.health.coap.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapHealthIndicator.class));
	}

	@Test
	void healthContributorBacksOffWithoutHealthSupport() {
		this.health.withClassLoader(new FilteredClassLoader(Health.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapHealthIndicator.class));
	}

	@Test
	void healthContributorNeedsAServer() {
		this.health.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapHealthIndicator.class));
	}

	@Test
	void endpointIsCreatedWhenExposed() {
		this.endpoint.withPropertyValues("management.endpoints.web.exposure.include=coap")
			.run((context) -> assertThat(context).hasSingleBean(CoapMappingsEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.endpoint.run((context) -> assertThat(context).doesNotHaveBean(CoapMappingsEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutTheActuator() {
		this.coap.withPropertyValues("management.endpoints.web.exposure.include=coap")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapMappingsEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Conventions {

		@Bean
		CoapServerObservationConvention serverConvention() {
			return new CoapServerObservationConvention() {

				@Override
				public String getName() {
					return "custom.server";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(CoapServerObservationContext context) {
					return KeyValues.of("custom", "yes");
				}

			};
		}

		@Bean
		CoapClientObservationConvention clientConvention() {
			return new CoapClientObservationConvention() {

				@Override
				public String getName() {
					return "custom.client";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(CoapClientObservationContext context) {
					return KeyValues.of("custom", "yes");
				}

			};
		}

	}

}
