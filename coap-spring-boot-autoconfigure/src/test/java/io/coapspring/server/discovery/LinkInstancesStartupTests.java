package io.coapspring.server.discovery;

import java.util.List;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CoapLinkInstances} beans are checked against the mappings before the server starts.
 */
class LinkInstancesStartupTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0")
		.withUserConfiguration(LinkInstancesApplication.InstancesController.class);

	@Test
	void instancesOfAMappedPatternStart() {
		this.contextRunner.withBean("links", CoapLinkInstances.class,
				() -> CoapLinkInstances.of("/sensors/{id}", () -> List.of("1"))).run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(CoapDiscoveryLinks.class).getLinks())
						.extracting(org.eclipse.californium.core.WebLink::getURI)
						.contains("/sensors/1")
						.noneMatch((uri) -> uri.contains("{"));
				});
	}

	@Test
	void instancesOfAPatternNoDiscoverableMappingHasFailTheStartUp() {
		this.contextRunner.withUserConfiguration(TypoConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasMessageContaining("'/sensor/{id}', which no discoverable mapping has")
				.hasMessageContaining("/sensors/{id}");
		});
		this.contextRunner.withBean("links", CoapLinkInstances.class,
				() -> CoapLinkInstances.of("/sensors/hidden/{id}", () -> List.of("1"))).run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure())
						.hasMessageContaining("'/sensors/hidden/{id}', which no discoverable mapping has");
				});
	}

	@Configuration(proxyBeanMethods = false)
	static class TypoConfiguration {

		@Bean
		CoapLinkInstances sensorLinks() {
			return CoapLinkInstances.of("/sensor/{id}", () -> List.of("1"));
		}

	}

}
