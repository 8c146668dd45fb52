package io.coapspring.logging;

import io.coapspring.actuate.ObservedApplication;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapTemplate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CaliforniumLogLevelsApplicationListener}, through a real application start, and for what
 * the server logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaliforniumLogLevelsApplicationListenerTests {

	@Test
	void unconfiguredPerRequestLoggersAreSetToWarn() {
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		CaliforniumLogLevelsApplicationListener.LOGGERS.forEach((name) -> system.setLogLevel(name, null));
		try (ConfigurableApplicationContext context = run()) {
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			for (String name : CaliforniumLogLevelsApplicationListener.LOGGERS) {
				assertThat(logging.getLoggerConfiguration(name).getConfiguredLevel()).as(name).isEqualTo(LogLevel.WARN);
			}
		}
	}

	@Test
	void parentLevelsCountAsConfigured() {
		try (ConfigurableApplicationContext context = run("logging.level.org.eclipse.californium=info")) {
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			for (String name : CaliforniumLogLevelsApplicationListener.LOGGERS) {
				assertThat(logging.getLoggerConfiguration(name)).as(name)
					.satisfiesAnyOf((configuration) -> assertThat(configuration).isNull(),
							(configuration) -> assertThat(configuration.getConfiguredLevel()).isNull());
			}
			assertThat(LoggerFactory.getLogger(CaliforniumLogLevelsApplicationListener.LOGGERS.get(0)).isInfoEnabled())
				.isTrue();
		}
	}

	@Test
	void failedRequestLogsOneDebugLineAndTheStartUpLogTheBoundAddress(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ObservedApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "coap.server.port=0", "coap.server.address=127.0.0.1",
					"logging.level.io.coapspring=debug",
					"logging.level.org.eclipse.californium.core.server.ServerMessageDeliverer=info")
			.run()) {
			int port = context.getEnvironment().getRequiredProperty("local.coap.port", Integer.class);
			assertThat(output).contains("CoAP server started on udp 127.0.0.1:" + port);
			assertThatExceptionOfType(CoapClientResponseException.class).isThrownBy(() -> context
				.getBean(CoapTemplate.class)
				.getForObject("coap://127.0.0.1:" + port + "/nowhere", String.class));
			assertThat(output.getOut().lines().filter((line) -> line.contains("/nowhere")))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("DEBUG")
				.contains("answered 4.04 NOT_FOUND: No resource at /nowhere");
			assertThat(output).doesNotContain("did not find resource");
		}
	}

	@Test
	void configuredLevelsAreKept() {
		try (ConfigurableApplicationContext context = run("logging.level.org.eclipse.californium.ban=info",
				"logging.level.org.eclipse.californium.core.CoapResource=debug")) {
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			assertThat(logging.getLoggerConfiguration("org.eclipse.californium.ban").getConfiguredLevel())
				.isEqualTo(LogLevel.INFO);
			assertThat(logging.getLoggerConfiguration("org.eclipse.californium.core.CoapResource").getConfiguredLevel())
				.isEqualTo(LogLevel.DEBUG);
			assertThat(logging.getLoggerConfiguration("org.eclipse.californium.core.network.Exchange")
				.getConfiguredLevel()).isEqualTo(LogLevel.WARN);
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		SpringApplication application = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.properties(properties)
			.build();
		return application.run();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
