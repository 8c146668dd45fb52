package io.coapspring.autoconfigure;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.server.function.CoapRouteRegistry;
import io.coapspring.server.function.CoapRouterFunction;
import io.coapspring.server.function.CoapRouterFunctionDetector;
import io.coapspring.server.function.CoapRouterFunctions;
import io.coapspring.server.function.CoapServerResponse;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.value.CoapResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapFunctionalAutoConfiguration}.
 */
class CoapFunctionalAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, CoapFunctionalAutoConfiguration.class,
				JacksonAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void defaultsRegisterRouterFunctionBeansBesideHandlerMethods() {
		this.contextRunner.withUserConfiguration(Routes.class, Greetings.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapRouteRegistry.class)
				.hasSingleBean(CoapRouterFunctionDetector.class)
				.hasSingleBean(CoapResources.class);
			assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings())
				.extracting((mapping) -> mapping.describe())
				.containsExactlyInAnyOrder("GET /greeting/{name}", "GET /fn/time");
			CoapRouteRegistry registry = context.getBean(CoapRouteRegistry.class);
			assertThat(registry.getRegistrations()).singleElement()
				.satisfies((registration) -> assertThat(registration.getSource())
					.isEqualTo("router function 'timeRoutes'"));
			assertThat(registry.getMaxRuntimeRoutes()).isEqualTo(1000);
			assertThat(registry.getRuntimeRouteCount()).isZero();
		});
	}

	@Test
	void userBeansWin() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapResources.class);
			assertThat(context.getBean(CoapResources.class)).isSameAs(context.getBean(UserBeans.class).resources);
		});
	}

	@Test
	void backsOffWithoutCalifornium() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(CoapServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapRouteRegistry.class)
				.doesNotHaveBean(CoapResources.class));
	}

	@Test
	void backsOffWhenTheServerIsDisabled() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapRouteRegistry.class));
	}

	@Test
	void maxRuntimeRoutesIsBound() {
		this.contextRunner.withPropertyValues("coap.server.routes.max-runtime-routes=3")
			.run((context) -> assertThat(context.getBean(CoapRouteRegistry.class).getMaxRuntimeRoutes()).isEqualTo(3));
	}

	@Test
	void aNegativeMaxRuntimeRoutesFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("coap.server.routes.max-runtime-routes=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.server.routes.max-runtime-routes");
		});
	}

	@Test
	void aRouteAmbiguousWithAHandlerMethodFailsStartUpNamingBoth() {
		this.contextRunner.withUserConfiguration(Greetings.class, ClashingRoutes.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("Ambiguous CoAP mapping")
				.hasStackTraceContaining("Greetings#greet")
				.hasStackTraceContaining("router function 'clashingRoutes'");
		});
	}

	@Test
	void anInvalidPatternFailsStartUpNamingTheRouterFunction() {
		this.contextRunner.withBean("badRoutes", CoapRouterFunction.class,
				() -> CoapRouterFunctions.route().GET("/a/{*rest}/b", (request) -> CoapServerResponse.ok("x")).build())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("Invalid path pattern of router function 'badRoutes'")
					.hasStackTraceContaining("must be the last segment");
			});
	}

	@Test
	void theRunTimeRouteGaugeIsBoundWithMicrometer() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean("coapRouteMetrics", io.micrometer.core.instrument.binder.MeterBinder.class)
				.bindTo(registry);
			context.getBean(CoapResources.class).add("/gauge", String.class, "x");
			assertThat(registry.get("coap.server.routes.runtime").gauge().value()).isEqualTo(2.0);
		});
	}

	@Test
	void theGaugeIsLeftOutWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(CoapRouteRegistry.class)
				.doesNotHaveBean("coapRouteMetrics"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		CoapRouterFunction timeRoutes() {
			return CoapRouterFunctions.route().GET("/fn/time", (request) -> CoapServerResponse.ok("now")).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClashingRoutes {

		@Bean
		CoapRouterFunction clashingRoutes() {
			return CoapRouterFunctions.route()
				.GET("/greeting/{who}", (request) -> CoapServerResponse.ok("clash"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		final CoapResources resources;

		UserBeans(CoapRouteRegistry routes, io.coapspring.server.observe.CoapNotifier notifier) {
			this.resources = new CoapResources(routes, notifier);
		}

		@Bean
		CoapResources myResources() {
			return this.resources;
		}

	}

	@CoapController
	static class Greetings {

		@CoapGetMapping("/greeting/{name}")
		String greet(@CoapPathVariable String name) {
			return "Hello " + name;
		}

	}

}
