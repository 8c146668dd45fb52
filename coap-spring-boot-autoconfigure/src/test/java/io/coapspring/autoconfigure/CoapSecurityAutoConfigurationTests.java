package io.coapspring.autoconfigure;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.security.authentication.CoapAuthenticationArgumentResolver;
import io.coapspring.security.authentication.CoapAuthoritiesMapper;
import io.coapspring.security.authentication.CoapSecurityContextInterceptor;
import io.coapspring.security.authentication.CoapSecurityExceptionResolver;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ListeningSecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CoapSecurityAutoConfiguration}.
 */
class CoapSecurityAutoConfigurationTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, CoapSecurityAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1");

	@Test
	void handlersRunWithTheSecurityContextAndFailuresMapToCoapCodes() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CoapAuthoritiesMapper.class)
				.hasSingleBean(CoapSecurityContextInterceptor.class)
				.hasSingleBean(CoapAuthenticationArgumentResolver.class)
				.hasSingleBean(CoapSecurityExceptionResolver.class);
			assertThat(context.getBean(CoapAuthoritiesMapper.class).getAuthorities(identity("device-1"))).isEmpty();
			assertThat(context.getBean(CoapHandlerAdapter.class).getInterceptors())
				.containsExactly(context.getBean(CoapSecurityContextInterceptor.class));
			assertThat(context.getBean(CoapHandlerAdapter.class).getArgumentResolvers().getResolvers())
				.contains(context.getBean(CoapAuthenticationArgumentResolver.class));
			CoapErrorResponses errors = context.getBean(CoapErrorResponses.class);
			assertThat(errors.create(new AccessDeniedException("no"), request("device-1")).getCode())
				.isEqualTo(ResponseCode.FORBIDDEN);
			assertThat(errors.create(new AccessDeniedException("no"), request(null)).getCode())
				.isEqualTo(ResponseCode.UNAUTHORIZED);
			assertThat(ReflectionTestUtils.getField(context.getBean(CoapSecurityContextInterceptor.class),
					"securityContextHolderStrategy"))
				.isSameAs(SecurityContextHolder.getContextHolderStrategy());
		});
	}

	@Test
	void applicationAuthoritiesMapperAndHolderStrategyAreUsed() {
		this.contextRunner.withUserConfiguration(ApplicationSecurityConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapAuthoritiesMapper.class);
			assertThat(context.getBean(CoapAuthoritiesMapper.class).getAuthorities(identity("device-1")))
				.extracting("authority")
				.containsExactly("ROLE_DEVICE");
			assertThat(ReflectionTestUtils.getField(context.getBean(CoapSecurityContextInterceptor.class),
					"securityContextHolderStrategy"))
				.isSameAs(context.getBean(SecurityContextHolderStrategy.class));
		});
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CoapSecurityContextInterceptor.class)
				.doesNotHaveBean(CoapAuthoritiesMapper.class);
			assertThat(context.getBean(CoapHandlerAdapter.class).getInterceptors()).isEmpty();
		});
	}

	@Test
	void backsOffWithoutServer() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapSecurityContextInterceptor.class));
	}

	@Test
	void controllerBehindAJdkProxyIsDetectedAndInvokedThroughTheProxy() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, CoapClientAutoConfiguration.class))
			.withPropertyValues("spring.aop.proxy-target-class=false")
			.withUserConfiguration(MethodSecurityConfiguration.class, JdkProxiedController.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(AopUtils.isJdkDynamicProxy(context.getBean(GreetingApi.class))).isTrue();
				assertThat(context.getBean(CoapHandlerMappingRegistry.class).getMappings())
					.extracting((mapping) -> mapping.describe())
					.containsExactlyInAnyOrder("GET /open", "GET /admin");
				int port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
				var coap = context.getBean(CoapTemplateBuilder.class).baseUri("coap://127.0.0.1:" + port).build();
				assertThat(coap.getForObject("/open", String.class)).isEqualTo("open");
				assertThatExceptionOfType(CoapClientResponseException.class)
					.isThrownBy(() -> coap.getForObject("/admin", String.class))
					.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED));
			});
	}

	@Test
	void mappedMethodAJdkProxyDoesNotExposeFailsStartup() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withPropertyValues("spring.aop.proxy-target-class=false")
			.withUserConfiguration(MethodSecurityConfiguration.class, PartlyExposedController.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("CoAP handler method PartlyExposedController#hidden cannot be invoked on its bean")
					.hasMessageContaining("pull the method up to an interface");
			});
	}

	private static CoapPeerIdentity identity(String name) {
		CoapPeerIdentity identity = CoapPeerIdentity.of(new PreSharedKeyIdentity(name));
		assertThat(identity).isNotNull();
		return identity;
	}

	private static CoapRequest request(String identity) {
		Request request = new Request(Code.GET);
		request.setSourceContext((identity != null)
				? new AddressEndpointContext(PEER, new PreSharedKeyIdentity(identity)) : new AddressEndpointContext(PEER));
		return new CoapRequest(request, Map.of(), "/x");
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationSecurityConfiguration {

		@Bean
		CoapAuthoritiesMapper deviceMapper() {
			return (peer) -> AuthorityUtils.createAuthorityList("ROLE_DEVICE");
		}

		@Bean
		SecurityContextHolderStrategy securityContextHolderStrategy() {
			return new ListeningSecurityContextHolderStrategy(SecurityContextHolder.getContextHolderStrategy(),
					(event) -> {
					});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class MethodSecurityConfiguration {

	}

	interface GreetingApi {

		String open();

		String admin();

	}

	@CoapController
	static class JdkProxiedController implements GreetingApi {

		@Override
		@CoapGetMapping("/open")
		@PreAuthorize("permitAll()")
		public String open() {
			return "open";
		}

		@Override
		@CoapGetMapping("/admin")
		@PreAuthorize("hasRole('ADMIN')")
		public String admin() {
			return "admin";
		}

	}

	@CoapController
	static class PartlyExposedController implements GreetingApi {

		@Override
		@PreAuthorize("permitAll()")
		public String open() {
			return "open";
		}

		@Override
		public String admin() {
			return "admin";
		}

		@CoapGetMapping("/hidden")
		public String hidden() {
			return "hidden";
		}

	}

}
