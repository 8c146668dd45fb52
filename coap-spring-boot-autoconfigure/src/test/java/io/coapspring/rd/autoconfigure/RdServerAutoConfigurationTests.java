package io.coapspring.rd.autoconfigure;

import java.time.Duration;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.rd.InMemoryRdRegistrationStore;
import io.coapspring.rd.RdRegistrationStore;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.coapspring.rd.server.RdExpiry;
import io.coapspring.rd.server.RdLimits;
import io.coapspring.rd.server.RdLookupController;
import io.coapspring.rd.server.RdLookupObservers;
import io.coapspring.rd.server.RdRegistrationController;
import io.coapspring.rd.server.RdSimpleRegistrationController;
import io.coapspring.rd.server.RdUnauthenticatedPolicy;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RdServerAutoConfiguration}.
 */
class RdServerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
				CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class, RdServerAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void noDirectoryByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ResourceDirectory.class)
			.doesNotHaveBean(RdRegistrationController.class));
	}

	@Test
	void enabledDirectoryHasItsHandlersStoreAndExpiry() {
		this.runner.withPropertyValues("coap.rd.server.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ResourceDirectory.class)
				.hasSingleBean(InMemoryRdRegistrationStore.class)
				.hasSingleBean(RdRegistrationController.class)
				.hasSingleBean(RdSimpleRegistrationController.class)
				.hasSingleBean(RdLookupController.class)
				.hasSingleBean(RdLookupObservers.class)
				.hasSingleBean(RdExpiry.class);
			DefaultResourceDirectory directory = context.getBean(DefaultResourceDirectory.class);
			assertThat(directory.getLimits()).isEqualTo(RdLimits.DEFAULTS);
			assertThat(directory.getPolicy()).isEqualTo(RdUnauthenticatedPolicy.OPEN);
			assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings())
				.extracting((mapping) -> mapping.pattern().getPattern())
				.contains("/rd", "/rd/{id}", "/rd-lookup/ep", "/rd-lookup/res", "/.well-known/rd");
		});
	}

	@Test
	void pathsLimitsAndPolicyComeFromProperties() {
		this.runner
			.withPropertyValues("coap.rd.server.enabled=true", "coap.rd.server.registration-path=/directory",
					"coap.rd.server.endpoint-lookup-path=/lookup/endpoints",
					"coap.rd.server.resource-lookup-path=/lookup/resources", "coap.rd.server.default-lifetime=3600",
					"coap.rd.server.min-lifetime=10s", "coap.rd.server.max-lifetime=1d",
					"coap.rd.server.max-registrations=5", "coap.rd.server.max-links-per-registration=7",
					"coap.rd.server.max-registration-size=1KB", "coap.rd.server.max-total-size=4KB",
					"coap.rd.server.retry-after=5s", "coap.rd.server.unauthenticated=first-come-first-remembered")
			.run((context) -> {
				DefaultResourceDirectory directory = context.getBean(DefaultResourceDirectory.class);
				assertThat(directory.getLimits()).isEqualTo(new RdLimits(Duration.ofHours(1), Duration.ofSeconds(10),
						Duration.ofDays(1), 5, 7, 1024, 4096, Duration.ofSeconds(5)));
				assertThat(directory.getPolicy()).isEqualTo(RdUnauthenticatedPolicy.FIRST_COME_FIRST_REMEMBERED);
				assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings())
					.extracting((mapping) -> mapping.pattern().getPattern())
					.contains("/directory", "/directory/{id}", "/lookup/endpoints", "/lookup/resources")
					.doesNotContain("/rd");
			});
	}

	@Test
	void aStoreBeanWins() {
		RdRegistrationStore store = new InMemoryRdRegistrationStore();
		this.runner.withPropertyValues("coap.rd.server.enabled=true")
			.withBean(RdRegistrationStore.class, () -> store)
			.run((context) -> assertThat(context.getBean(DefaultResourceDirectory.class).getStore()).isSameAs(store));
	}

	@Test
	void badPropertiesFailTheStartUpNamingTheProperty() {
		this.runner.withPropertyValues("coap.rd.server.enabled=true", "coap.rd.server.registration-path=rd")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.rd.server.registration-path"));
		this.runner.withPropertyValues("coap.rd.server.enabled=true", "coap.rd.server.min-lifetime=26h")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.rd.server.default-lifetime"));
		this.runner.withPropertyValues("coap.rd.server.enabled=true", "coap.rd.server.max-registrations=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.rd.server.max-registrations"));
	}

}
