package io.coapspring.autoconfigure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapOption;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.server.CoapObservationTerminator;
import io.coapspring.server.CoapRequestRouter;
import io.coapspring.server.discovery.CoapDiscoveryServerCustomizer;
import io.coapspring.server.handler.CoapHandlerExecutor;
import io.coapspring.server.handler.CoapRequestDispatcher;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.support.MonoReturnValueHandler;
import io.coapspring.server.invocation.support.PayloadArgumentResolver;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.observe.CoapHandlerNotifier;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.CoapObservations;
import jakarta.validation.Valid;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapHandlerAutoConfiguration}.
 */
class CoapHandlerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, JacksonAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void defaultsRouteHandlerMethodsAndReplaceDiscovery() {
		this.contextRunner.withUserConfiguration(GreetingController.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapHandlerMappingRegistry.class)
				.hasSingleBean(CoapRequestDispatcher.class)
				.hasSingleBean(CoapDiscoveryServerCustomizer.class);
			assertThat(context.getBean(CoapRequestRouter.class)).isSameAs(context.getBean(CoapRequestDispatcher.class));
			assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings()).singleElement()
				.satisfies((mapping) -> assertThat(mapping.describe()).isEqualTo("GET /greeting/{name}"));
			Resource core = context.getBean(CoapServer.class).getRoot().getChild(".well-known").getChild("core");
			assertThat(core).isInstanceOf(io.coapspring.server.discovery.CoapDiscoveryResource.class);
		});
	}

	@Test
	void observeSupportDefaultsToNonConfirmableNotificationsAndEndsObservationsOnStop() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CoapObservations.class);
			assertThat(context.getBean(CoapNotifier.class)).isInstanceOf(CoapHandlerNotifier.class);
			assertThat(context.getBean(CoapObservations.class).getNotificationType()).isEqualTo(Type.NON);
			assertThat(context.getBean(CoapObservationTerminator.class))
				.isSameAs(context.getBean(CoapObservations.class));
		});
	}

	@Test
	void notificationTypeIsConfigurable() {
		this.contextRunner.withPropertyValues("coap.observe.notification-type=con")
			.run((context) -> assertThat(context.getBean(CoapObservations.class).getNotificationType())
				.isEqualTo(Type.CON));
	}

	@Test
	void notificationTypeCanFollowTheRegistration() {
		this.contextRunner.withPropertyValues("coap.observe.notification-type=request")
			.run((context) -> assertThat(context.getBean(CoapObservations.class).getNotificationType()).isNull());
	}

	@Test
	void userNotifierWins() {
		this.contextRunner.withBean("myNotifier", CoapNotifier.class, UserNotifier::new)
			.run((context) -> assertThat(context.getBean(CoapNotifier.class)).isInstanceOf(UserNotifier.class));
	}

	@Test
	void handlerExecutorIsAThreadPoolConfiguredFromProperties() {
		this.contextRunner
			.withPropertyValues("coap.server.executor.max-threads=4", "coap.server.executor.queue-capacity=10",
					"coap.server.executor.thread-name-prefix=handler-")
			.run((context) -> {
				Executor executor = context.getBean(CoapHandlerExecutor.class).getExecutor();
				assertThat(executor).isInstanceOfSatisfying(ThreadPoolExecutor.class, (pool) -> {
					assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
					assertThat(pool.getCorePoolSize()).isEqualTo(4);
					assertThat(pool.getQueue().remainingCapacity()).isEqualTo(10);
					assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
				});
				CompletableFuture<String> name = new CompletableFuture<>();
				executor.execute(() -> name.complete(Thread.currentThread().getName()));
				assertThat(name.get(10, TimeUnit.SECONDS)).startsWith("handler-");
			});
	}

	@Test
	void handlerExecutorIsNoExecutorBeanSoBootKeepsItsApplicationTaskExecutor() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(CoapHandlerExecutor.class)
					.hasBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME);
				assertThat(context.getBeansOfType(Executor.class)).containsOnlyKeys(
						TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME);
			});
	}

	@Test
	void handlerExecutorPoolShutsDownWithTheContext() {
		ThreadPoolExecutor[] pool = new ThreadPoolExecutor[1];
		this.contextRunner.run((context) -> pool[0] = (ThreadPoolExecutor) context.getBean(CoapHandlerExecutor.class)
			.getExecutor());
		assertThat(pool[0].isShutdown()).isTrue();
	}

	@Test
	void invalidExecutorPropertyFailsStartup() {
		this.contextRunner.withPropertyValues("coap.server.executor.max-threads=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("coap.server.executor.max-threads");
		});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsNeedAJvmThatHasThem() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean(CoapHandlerExecutor.class).getExecutor())
				.isInstanceOf(ThreadPoolExecutor.class));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWhenEnabled() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			SimpleAsyncTaskExecutor executor = (SimpleAsyncTaskExecutor) context.getBean(CoapHandlerExecutor.class)
				.getExecutor();
			java.util.concurrent.CompletableFuture<Thread> thread = new java.util.concurrent.CompletableFuture<>();
			executor.execute(() -> thread.complete(Thread.currentThread()));
			// Thread.isVirtual() does not exist in the Java 17 API this project compiles against
			assertThat(Thread.class.getMethod("isVirtual").invoke(thread.get())).isEqualTo(Boolean.TRUE);
		});
	}

	@Test
	void userExecutorWins() {
		this.contextRunner.withUserConfiguration(UserExecutorConfiguration.class)
			.run((context) -> assertThat(context.getBean(CoapHandlerExecutor.class).getExecutor())
				.isSameAs(context.getBean(UserExecutorConfiguration.class).executor));
	}

	@Test
	void userArgumentResolverIsConsultedFirst() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class).run((context) -> {
			List<CoapHandlerMethodArgumentResolver> resolvers = context.getBean(CoapHandlerAdapter.class)
				.getArgumentResolvers()
				.getResolvers();
			assertThat(resolvers.get(0)).isSameAs(context.getBean(CoapHandlerMethodArgumentResolver.class));
		});
	}

	@Test
	void monoIsSupportedWhenReactorIsPresent() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(CoapHandlerAdapter.class).getReturnValueHandlers().getHandlers())
			.hasAtLeastOneElementOfType(MonoReturnValueHandler.class));
	}

	@Test
	void monoIsNotSupportedWithoutReactor() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(
					context.getBean(CoapHandlerAdapter.class).getReturnValueHandlers().getHandlers())
				.noneMatch(MonoReturnValueHandler.class::isInstance));
	}

	@Test
	void payloadsAreValidatedWithTheBeanValidationProvider() {
		this.contextRunner.withUserConfiguration(ValidatingController.class)
			.run((context) -> assertThat(validatorOf(context.getBean(CoapHandlerAdapter.class))).isNotNull());
	}

	@Test
	void payloadsAreNotValidatedWithoutBeanValidation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.validation"))
			.run((context) -> assertThat(validatorOf(context.getBean(CoapHandlerAdapter.class))).isNull());
	}

	@Test
	void customOptionDefinitionsJoinTheOptionRegistry() {
		this.contextRunner.withBean(StringOptionDefinition.class, () -> new StringOptionDefinition(65000, "X-Tenant"))
			.run((context) -> {
				OptionRegistry registry = context.getBean(OptionRegistry.class);
				assertThat(registry.getDefinitionByName("X-Tenant").getNumber()).isEqualTo(65000);
				assertThat(registry.getDefinitionByNumber(65003)).isNull();
			});
	}

	@Test
	void optionDefinitionClashingWithAStandardOptionFailsStartup() {
		this.contextRunner.withBean(StringOptionDefinition.class, () -> new StringOptionDefinition(14, "Max-Time"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Custom CoAP option 'Max-Time' uses number 14, which is the standard option 'Max-Age'"));
	}

	@Test
	void noHandlerBeansWhenTheServerIsDisabled() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapRequestDispatcher.class)
				.doesNotHaveBean(CoapHandlerMappingRegistry.class)
				.hasSingleBean(OptionRegistry.class));
	}

	@Test
	void ambiguousMappingsFailStartupNamingBothMethods() {
		this.contextRunner.withUserConfiguration(GreetingController.class, AmbiguousController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Ambiguous CoAP mapping")
				.hasMessageContaining("AmbiguousController#hello(String)")
				.hasMessageContaining("GreetingController#greet(String)"));
	}

	@Test
	void unsupportedParameterFailsStartup() {
		this.contextRunner.withUserConfiguration(UnsupportedParameterController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported parameter 'thread' of type java.lang.Thread")
				.hasMessageContaining("UnsupportedParameterController#handle(Thread)"));
	}

	@Test
	void unsupportedReturnTypeFailsStartup() {
		this.contextRunner.withUserConfiguration(MonoOfFluxController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported return type reactor.core.publisher.Mono<reactor.core.publisher.Flux"
						+ "<java.lang.String>>"));
	}

	@Test
	void streamsOfSupportedElementsAreSupported() {
		this.contextRunner.withUserConfiguration(FluxController.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void streamOfUnsupportedElementsFailsStartup() {
		this.contextRunner.withUserConfiguration(FluxOfFluxController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported element type reactor.core.publisher.Flux<java.lang.String> of the"
						+ " stream returned by CoAP handler method"));
	}

	@Test
	void unknownContentFormatFailsStartup() {
		this.contextRunner.withUserConfiguration(UnknownFormatController.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Unknown CoAP Content-Format 'application/unknown'"));
	}

	@Test
	void invalidPatternFailsStartup() {
		this.contextRunner.withUserConfiguration(InvalidPatternController.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Invalid CoAP path pattern '/files/{*rest}/more'"));
	}

	@Test
	void pathVariableMissingFromThePatternFailsStartup() {
		this.contextRunner.withUserConfiguration(MissingVariableController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessage("Path variable 'id' of CoAP handler method MissingVariableController#get(String)"
						+ " is not in its path pattern '/things/{name}'"));
	}

	@Test
	void unknownOptionNameFailsStartup() {
		this.contextRunner.withUserConfiguration(UnknownOptionController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unknown CoAP option 'X-Nothing'"));
	}

	@Test
	void placeholdersInPathsAreResolved() {
		this.contextRunner.withUserConfiguration(PlaceholderController.class)
			.withPropertyValues("app.base=devices")
			.run((context) -> assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings())
				.singleElement()
				.satisfies((mapping) -> assertThat(mapping.pattern().getPattern()).isEqualTo("/devices/{id}")));
	}

	private static Object validatorOf(CoapHandlerAdapter adapter) {
		PayloadArgumentResolver resolver = adapter.getArgumentResolvers()
			.getResolvers()
			.stream()
			.filter(PayloadArgumentResolver.class::isInstance)
			.map(PayloadArgumentResolver.class::cast)
			.findFirst()
			.orElseThrow();
		Object reader = ReflectionTestUtils.getField(resolver, "reader");
		return (reader != null) ? ReflectionTestUtils.getField(reader, "validator") : null;
	}

	@CoapController
	@CoapMapping("/greeting")
	static class GreetingController {

		@CoapGetMapping("/{name}")
		String greet(@CoapPathVariable String name) {
			return "Hello " + name;
		}

	}

	@CoapController
	static class AmbiguousController {

		@CoapGetMapping("/greeting/{who}")
		String hello(@CoapPathVariable String who) {
			return who;
		}

	}

	@CoapController
	static class UnsupportedParameterController {

		@CoapGetMapping("/thread")
		String handle(Thread thread) {
			return "";
		}

	}

	@CoapController
	static class FluxController {

		@CoapGetMapping("/flux")
		reactor.core.publisher.Flux<String> flux() {
			return reactor.core.publisher.Flux.empty();
		}

		@CoapGetMapping("/flow")
		java.util.concurrent.Flow.Publisher<String> flow() {
			return new java.util.concurrent.SubmissionPublisher<>();
		}

	}

	static class UserNotifier implements CoapNotifier {

		@Override
		public int changed(String uriOrPattern) {
			return 0;
		}

		@Override
		public int notify(String uriOrPattern, @Nullable Object value) {
			return 0;
		}

		@Override
		public int getObserverCount(String uriOrPattern) {
			return 0;
		}

	}

	@CoapController
	static class FluxOfFluxController {

		@CoapGetMapping("/flux")
		reactor.core.publisher.Flux<reactor.core.publisher.Flux<String>> flux() {
			return reactor.core.publisher.Flux.empty();
		}

	}

	@CoapController
	static class MonoOfFluxController {

		@CoapGetMapping("/mono")
		reactor.core.publisher.Mono<reactor.core.publisher.Flux<String>> mono() {
			return reactor.core.publisher.Mono.empty();
		}

	}

	@CoapController
	static class UnknownFormatController {

		@CoapGetMapping(path = "/x", produces = "application/unknown")
		String x() {
			return "";
		}

	}

	@CoapController
	static class InvalidPatternController {

		@CoapGetMapping("/files/{*rest}/more")
		String x() {
			return "";
		}

	}

	@CoapController
	static class MissingVariableController {

		@CoapGetMapping("/things/{name}")
		String get(@CoapPathVariable String id) {
			return id;
		}

	}

	@CoapController
	static class UnknownOptionController {

		@CoapGetMapping("/option")
		String get(@CoapOption("X-Nothing") String value) {
			return value;
		}

	}

	@CoapController
	@CoapMapping("/${app.base}")
	static class PlaceholderController {

		@CoapGetMapping("/{id}")
		String get(@CoapPathVariable String id) {
			return id;
		}

	}

	@CoapController
	static class ValidatingController {

		@io.coapspring.annotation.CoapPutMapping("/valid")
		void put(@CoapPayload @Valid GreetingController body) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExecutorConfiguration {

		final Executor executor = Runnable::run;

		@Bean
		CoapHandlerExecutor coapHandlerExecutor() {
			return new CoapHandlerExecutor(this.executor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		CoapHandlerMethodArgumentResolver localeResolver() {
			return new CoapHandlerMethodArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == java.util.Locale.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
					return java.util.Locale.ROOT;
				}

			};
		}

	}

}
