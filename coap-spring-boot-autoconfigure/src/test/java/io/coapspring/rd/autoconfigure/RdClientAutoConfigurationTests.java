package io.coapspring.rd.autoconfigure;

import java.time.Duration;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.client.discovery.CoapResourceFinder;
import io.coapspring.rd.client.ApplicationRdLinkSource;
import io.coapspring.rd.client.RdClientHealthIndicator;
import io.coapspring.rd.client.RdClientSettings;
import io.coapspring.rd.client.RdLinkSource;
import io.coapspring.rd.client.RdLookupClient;
import io.coapspring.rd.client.RdLookupMode;
import io.coapspring.rd.client.RdRegistrationClient;
import io.coapspring.rd.client.RdResourceFinder;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RdClientAutoConfiguration} and {@link RdLookupClientAutoConfiguration}. The context is not
 * started as a server (no lifecycle runs), so nothing is sent.
 */
class RdClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
				CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class, RdClientAutoConfiguration.class,
				RdLookupClientAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void noClientByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RdRegistrationClient.class)
			.doesNotHaveBean(RdLookupClient.class));
	}

	@Test
	void aResourceFinderLooksInTheAutoModeByDefault() {
		this.runner.run((context) -> {
			RdResourceFinder finder = context.getBean(RdResourceFinder.class);
			assertThat(context.getBean(CoapResourceFinder.class)).isSameAs(finder);
			assertThat(finder.getMode()).isEqualTo(RdLookupMode.AUTO);
			// nothing known yet: a directory is searched on the group at the first call
			assertThat(finder.getDirectory()).isNull();
		});
	}

	@Test
	void theResourceFinderAsksTheConfiguredDirectoryInTheConfiguredMode() {
		this.runner
			.withPropertyValues("coap.rd.client.uri=coap://rd.example", "coap.rd.client.lookup.mode=both",
					"coap.rd.client.lookup.group=coap://[ff05::fd]")
			.run((context) -> {
				RdResourceFinder finder = context.getBean(RdResourceFinder.class);
				assertThat(finder.getMode()).isEqualTo(RdLookupMode.BOTH);
				assertThat(finder.getDirectory()).hasToString("coap://rd.example");
			});
	}

	@Test
	void theResourceFinderOfAnApplicationRunningADirectoryAsksIt() {
		this.runner.withConfiguration(AutoConfigurations.of(RdServerAutoConfiguration.class))
			.withPropertyValues("coap.rd.server.enabled=true")
			.run((context) -> assertThat(context.getBean(RdResourceFinder.class).getDirectory())
				.hasToString("coap://127.0.0.1:" + context.getBean(org.eclipse.californium.core.CoapServer.class)
					.getEndpoints().get(0).getAddress().getPort()));
	}

	@Test
	void aResourceFinderOfTheUserWins() {
		CoapResourceFinder own = (filters) -> java.util.List.of();
		this.runner.withBean(CoapResourceFinder.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(RdResourceFinder.class)
				.getBean(CoapResourceFinder.class)
				.isSameAs(own));
	}

	@Test
	void badLookupPropertiesFailTheStartNamingThem() {
		this.runner.withPropertyValues("coap.rd.client.lookup.group=coap://224.0.1.187/x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("coap.rd.client.lookup.group"));
		this.runner.withPropertyValues("coap.rd.client.lookup.mode=everywhere")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("coap.rd.client.lookup.mode"));
	}

	@Test
	void noResourceFinderWithoutCalifornium() {
		this.runner.withClassLoader(new FilteredClassLoader(CoapEndpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapResourceFinder.class));
	}

	@Test
	void enabledClientRegistersUnderTheEndpointName() {
		this.runner
			.withPropertyValues("coap.rd.client.enabled=true", "coap.server.endpoint-name=kitchen",
					"coap.rd.client.uri=coap://rd.example/rd", "coap.rd.client.lifetime=600",
					"coap.rd.client.sector=home", "coap.rd.client.endpoint-types=sensor,actuator",
					"coap.rd.client.base=coap://kitchen.example", "coap.rd.client.retry-interval=5s",
					"coap.rd.client.remove-on-shutdown=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ApplicationRdLinkSource.class)
					.hasSingleBean(RdClientHealthIndicator.class)
					.hasSingleBean(RdLookupClient.class);
				RdClientSettings settings = context.getBean(RdRegistrationClient.class).getSettings();
				assertThat(settings.directory()).hasToString("coap://rd.example/rd");
				assertThat(settings.endpointName()).isEqualTo("kitchen");
				assertThat(settings.sector()).isEqualTo("home");
				assertThat(settings.endpointTypes()).containsExactly("sensor", "actuator");
				assertThat(settings.base()).isEqualTo("coap://kitchen.example");
				assertThat(settings.lifetime()).isEqualTo(Duration.ofSeconds(600));
				assertThat(settings.refreshInterval()).isEqualTo(Duration.ofSeconds(450));
				assertThat(settings.retryInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.removeOnShutdown()).isFalse();
				assertThat(context.getBean(RdLookupClient.class).getDirectory()).hasToString("coap://rd.example");
			});
	}

	@Test
	void theApplicationNameIsTheDefaultEndpointName() {
		this.runner.withPropertyValues("coap.rd.client.enabled=true", "spring.application.name=garden")
			.run((context) -> {
				RdClientSettings settings = context.getBean(RdRegistrationClient.class).getSettings();
				assertThat(settings.endpointName()).isEqualTo("garden");
				assertThat(settings.directory()).hasToString("coap://224.0.1.187");
				assertThat(context.getBean(RdRegistrationClient.class).getDirectory())
					.hasToString("coap://224.0.1.187");
				assertThat(settings.lifetime()).isEqualTo(Duration.ofSeconds(90000));
				// the lookup client exists only for an explicit directory
				assertThat(context).doesNotHaveBean(RdLookupClient.class);
			});
	}

	@Test
	void withoutUriAnApplicationRunningADirectoryRegistersWithIt() {
		this.runner.withConfiguration(AutoConfigurations.of(RdServerAutoConfiguration.class))
			.withPropertyValues("coap.rd.client.enabled=true", "coap.server.endpoint-name=kitchen",
					"coap.rd.server.enabled=true")
			.run((context) -> assertThat(context.getBean(RdRegistrationClient.class).getSettings().directory())
				.isNull());
	}

	@Test
	void aLinkSourceBeanWins() {
		RdLinkSource links = () -> "</custom>";
		this.runner.withPropertyValues("coap.rd.client.enabled=true", "coap.server.endpoint-name=kitchen")
			.withBean(RdLinkSource.class, () -> links)
			.run((context) -> assertThat(context).getBean(RdLinkSource.class).isSameAs(links));
	}

	@Test
	void badSettingsFailTheStartUpNamingTheProperty() {
		this.runner.withPropertyValues("coap.rd.client.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.endpoint-name"));
		this.runner
			.withPropertyValues("coap.rd.client.enabled=true", "coap.server.endpoint-name=k",
					"coap.rd.client.uri=http://rd.example")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.rd.client.uri"));
		this.runner
			.withPropertyValues("coap.rd.client.enabled=true", "coap.server.endpoint-name=k",
					"coap.rd.client.sector=a b")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("coap.rd.client.sector"));
	}

}
