package io.coapspring.autoconfigure;

import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.NoObserversCoapNotifier;
import io.coapspring.server.observe.CoapHandlerNotifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@link CoapNotifier} of an application whose server is switched off.
 */
class CoapNotifierWithoutServerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, CoapClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0")
		.withUserConfiguration(NotifyingService.class);

	@Test
	void serviceThatNotifiesStartsWithTheServerSwitchedOffAndReachesNobody() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CoapNotifier.class);
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			assertThat(notifier).isInstanceOf(NoObserversCoapNotifier.class);
			assertThat(context.getBean(NotifyingService.class).save()).isZero();
			assertThat(notifier.notify("/sensors/{id}", 21.5)).isZero();
			assertThat(notifier.getObserverCount("coap://host/sensors/7?unit=F")).isZero();
			assertThatIllegalArgumentException().isThrownBy(() -> notifier.changed("/sensors/{id"));
			assertThatIllegalArgumentException().isThrownBy(() -> notifier.changed(""));
		});
	}

	@Test
	void serverNotifierIsUsedWhenTheServerIsOn() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CoapNotifier.class)
			.getBean(CoapNotifier.class)
			.isInstanceOf(CoapHandlerNotifier.class));
	}

	@Test
	void applicationNotifierWinsWithTheServerSwitchedOff() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false")
			.withBean("myNotifier", CoapNotifier.class, NoObserversCoapNotifier::new)
			.run((context) -> assertThat(context).hasSingleBean(CoapNotifier.class).hasBean("myNotifier"));
	}

	@Configuration(proxyBeanMethods = false)
	static class NotifyingService {

		private final CoapNotifier notifier;

		NotifyingService(CoapNotifier notifier) {
			this.notifier = notifier;
		}

		int save() {
			return this.notifier.changed("/sensors/7");
		}

		@Bean
		String marker() {
			return "marker";
		}

	}

}
