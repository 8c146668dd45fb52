package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.coapspring.proxy.CoapForwardProxy;
import io.coapspring.proxy.CoapProxyCache;
import io.coapspring.proxy.CoapProxyClient;
import io.coapspring.proxy.CoapProxyRouter;
import io.coapspring.proxy.ProxyClient;
import io.coapspring.proxy.ProxyRequest;
import io.coapspring.proxy.ProxyResponse;
import io.coapspring.proxy.ProxyTarget;
import io.coapspring.proxy.http.HttpProxyClient;
import io.coapspring.server.CoapRequestRouter;
import io.coapspring.server.handler.CoapRequestDispatcher;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapProxyAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoapProxyAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CoapAutoConfiguration.class,
			CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
			CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class, CoapProxyAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("coap.server.port=0");

	@Test
	void noProxyByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CoapForwardProxy.class)
			.doesNotHaveBean(CoapProxyRouter.class)
			.doesNotHaveBean(CoapProxyCache.class)
			.doesNotHaveBean(CoapProxyClient.class));
	}

	@Test
	void enabledProxyIsRoutedToBeforeTheHandlerMethods(CapturedOutput output) {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.allowed-destinations=10.0.0.0/8")
			.run((context) -> {
				assertThat(context).hasSingleBean(CoapForwardProxy.class)
					.hasSingleBean(CoapProxyCache.class)
					.hasSingleBean(CoapProxyClient.class)
					.hasSingleBean(HttpProxyClient.class)
					.hasSingleBean(CoapProxyRouter.class);
				CoapForwardProxy proxy = context.getBean(CoapForwardProxy.class);
				assertThat(proxy.getSchemes()).containsExactlyInAnyOrder("coap", "http", "https");
				assertThat(proxy.getCache()).isSameAs(context.getBean(CoapProxyCache.class));
				List<CoapRequestRouter> routers = context.getBeanProvider(CoapRequestRouter.class)
					.orderedStream()
					.toList();
				assertThat(routers).hasSize(2);
				assertThat(routers.get(0)).isInstanceOf(CoapProxyRouter.class);
				assertThat(routers.get(1)).isInstanceOf(CoapRequestDispatcher.class);
			});
		assertThat(output).doesNotContain("allowed-destinations' is empty");
	}

	@Test
	void anEmptyAllowListIsWarnedAbout(CapturedOutput output) {
		this.runner.withPropertyValues("coap.proxy.enabled=true").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN").contains("'coap.proxy.allowed-destinations' is empty");
	}

	@Test
	void emptyAllowListRefusesEverything() {
		this.runner.withPropertyValues("coap.proxy.enabled=true").run((context) -> {
			ProxyRequest request = new ProxyRequest(Code.GET,
					new ProxyTarget("coap", "127.0.0.1", 5683, List.of("x"), List.of()), true, List.of(), new byte[0]);
			ProxyResponse response = context.getBean(CoapForwardProxy.class).forward(request).join();
			assertThat(response.code()).isEqualTo(ResponseCode.FORBIDDEN);
		});
	}

	@Test
	void schemesCanBeRestricted() {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.schemes=coap")
			.run((context) -> assertThat(context.getBean(CoapForwardProxy.class).getSchemes())
				.containsExactly("coap"));
	}

	@Test
	void withoutRestClientHttpDestinationsAreNotSupported() {
		this.runner.withPropertyValues("coap.proxy.enabled=true")
			.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(HttpProxyClient.class);
				assertThat(context.getBean(CoapForwardProxy.class).getSchemes()).containsExactly("coap");
			});
	}

	@Test
	void cacheCanBeDisabled() {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.cache.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CoapProxyCache.class);
			assertThat(context.getBean(CoapForwardProxy.class).getCache()).isNull();
		});
	}

	@Test
	void cacheLimitsComeFromTheProperties() {
		this.runner
			.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.cache.max-entries=1",
					"coap.proxy.cache.max-size=1MB")
			.run((context) -> {
				CoapProxyCache cache = context.getBean(CoapProxyCache.class);
				ProxyTarget target = new ProxyTarget("coap", "h", 5683, List.of(), List.of());
				cache.put(new ProxyRequest(Code.GET, target, true, List.of(), new byte[0]),
						ProxyResponse.of(ResponseCode.CONTENT, "a"));
				cache.put(new ProxyRequest(Code.GET, new ProxyTarget("coap", "h2", 5683, List.of(), List.of()), true,
						List.of(), new byte[0]), ProxyResponse.of(ResponseCode.CONTENT, "b"));
				assertThat(cache.size()).isEqualTo(1);
			});
	}

	@Test
	void anInvalidAllowedDestinationFailsStartUp() {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.allowed-destinations=10.0.0.0/40")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable cause = NestedExceptionUtils.getRootCause(context.getStartupFailure());
				assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class);
				assertThat(((InvalidConfigurationPropertyValueException) cause).getName())
					.isEqualTo("coap.proxy.allowed-destinations");
				assertThat(cause).hasMessageContaining("10.0.0.0/40");
			});
	}

	@Test
	void anAllowedDestinationWithABadPortFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("coap.proxy.enabled=true",
					"coap.proxy.allowed-destinations=coap://sensor.local:5683,http://10.0.0.0/8:8o")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable cause = NestedExceptionUtils.getRootCause(context.getStartupFailure());
				assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("coap.proxy.allowed-destinations")
					.hasMessageContaining("http://10.0.0.0/8:8o")
					.hasMessageContaining("'8o' is not a port");
			});
	}

	@Test
	void aShortenedIpv4AllowedDestinationFailsStartUp() {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.allowed-destinations=127.1")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable cause = NestedExceptionUtils.getRootCause(context.getStartupFailure());
				assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("coap.proxy.allowed-destinations")
					.hasMessageContaining("four decimal numbers");
			});
	}

	@Test
	void listingLoopbackOrLinkLocalIsWarnedAboutWithWhatItExposes(CapturedOutput output) {
		this.runner
			.withPropertyValues("coap.proxy.enabled=true",
					"coap.proxy.allowed-destinations=coap://127.0.0.1:*,[::1]:8080,169.254.169.254,10.0.0.0/8")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")))
			.anySatisfy((line) -> assertThat(line)
				.contains("'coap.proxy.allowed-destinations' entry 'coap://127.0.0.1:*'")
				.contains("loopback")
				.contains("services listening only on this host")
				.contains("coap on every port"))
			.anySatisfy((line) -> assertThat(line).contains("'[::1]:8080'")
				.contains("loopback")
				.contains("every scheme on port 8080"))
			.anySatisfy((line) -> assertThat(line).contains("'169.254.169.254'").contains("link-local"))
			.noneSatisfy((line) -> assertThat(line).contains("10.0.0.0/8"));
	}

	@Test
	void ordinaryDestinationsAreNotWarnedAbout(CapturedOutput output) {
		this.runner
			.withPropertyValues("coap.proxy.enabled=true",
					"coap.proxy.allowed-destinations=10.0.0.0/8,coap://sensor.local:5683,0.0.0.0/0:*")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("lets every client of the proxy reach");
	}

	@Test
	void withoutServerThereIsNoRouter() {
		this.runner.withPropertyValues("coap.proxy.enabled=true", "coap.server.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoapForwardProxy.class)
				.doesNotHaveBean(CoapProxyRouter.class));
	}

	@Test
	void httpGatewayNeedsAServletWebApplication() {
		this.runner.withPropertyValues("coap.proxy.http.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoapForwardProxy.class)
				.doesNotHaveBean(CoapProxyRouter.class)
				.doesNotHaveBean(RouterFunction.class));
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("coap.server.port=0", "coap.proxy.http.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coapHttpProxyRouterFunction")
				.doesNotHaveBean(CoapProxyRouter.class));
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("coap.server.port=0", "coap.proxy.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("coap.server.enabled=false", "coap.proxy.http.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("coapHttpProxyRouterFunction")
				.hasSingleBean(CoapProxyClient.class));
	}

	@Test
	void applicationClientsAddSchemes() {
		this.runner.withUserConfiguration(CoapsClientConfiguration.class)
			.withPropertyValues("coap.proxy.enabled=true", "coap.proxy.schemes=coap,coaps")
			.run((context) -> assertThat(context.getBean(CoapForwardProxy.class).getSchemes())
				.containsExactlyInAnyOrder("coap", "coaps"));
	}

	@Test
	void userBeansWin() {
		this.runner.withUserConfiguration(UserProxyConfiguration.class)
			.withPropertyValues("coap.proxy.enabled=true")
			.run((context) -> assertThat(context.getBean(CoapForwardProxy.class))
				.isSameAs(context.getBean(UserProxyConfiguration.class).proxy));
	}

	@Configuration(proxyBeanMethods = false)
	static class CoapsClientConfiguration {

		@Bean
		ProxyClient coapsClient() {
			return new ProxyClient() {

				@Override
				public Set<String> getSchemes() {
					return Set.of("coaps");
				}

				@Override
				public CompletableFuture<ProxyResponse> send(ProxyRequest request, @Nullable InetAddress destination) {
					return CompletableFuture.completedFuture(ProxyResponse.of(ResponseCode.CONTENT, "secure"));
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProxyConfiguration {

		final CoapForwardProxy proxy = new CoapForwardProxy(List.of(),
				io.coapspring.proxy.AllowedDestinations.of(List.of()), null);

		@Bean
		CoapForwardProxy userProxy() {
			return this.proxy;
		}

	}

}
