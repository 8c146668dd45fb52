package io.coapspring.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;
import io.coapspring.client.ReactiveCoapObservations;
import io.coapspring.client.dtls.DtlsClientCredentials;
import io.coapspring.client.service.CoapServiceProxyFactory;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.MapBasedOptionRegistry;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CoapClientAutoConfiguration}.
 */
class CoapClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapClientAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void defaultClientBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CoapClientEndpoints.class)
				.hasSingleBean(CoapTemplate.class)
				.hasSingleBean(CoapServiceProxyFactory.class)
				.hasSingleBean(ReactiveCoapObservations.class)
				.hasSingleBean(CoapTemplateBuilderConfigurer.class);
			assertThat(context.getBean(CoapTemplateBuilder.class)).as("prototype")
				.isNotSameAs(context.getBean(CoapTemplateBuilder.class));
			assertThat(context.getBean(CoapClientEndpoints.class).getConfiguration())
				.isSameAs(context.getBean(Configuration.class));
			assertThat(context.getBean(CoapClientEndpoints.class).getOptionRegistry())
				.isSameAs(context.getBean("coapOptionRegistry"));
			assertThat(context.getBean(CoapClientEndpoints.class).getEndpoints()).as("bound on first use").isEmpty();
		});
	}

	@Test
	void clientWithoutServer() {
		this.runner.withPropertyValues("coap.server.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CoapServer.class);
			assertThat(context).hasSingleBean(CoapTemplate.class).hasSingleBean(CoapServiceProxyFactory.class);
		});
	}

	@Test
	void templateBacksOffOnUserDefinedOperations() {
		CoapOperations operations = (CoapOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { CoapOperations.class }, (proxy, method, arguments) -> {
					throw new UnsupportedOperationException("not called");
				});
		this.runner.withBean("myOperations", CoapOperations.class, () -> operations).run((context) -> {
			assertThat(context).doesNotHaveBean("coapTemplate");
			assertThat(context.getBeanNamesForType(CoapOperations.class)).containsExactly("myOperations");
		});
	}

	@Test
	void userDefinedTemplateReplacesTheAutoConfiguredOne() {
		this.runner.withUserConfiguration(UserTemplateConfiguration.class)
			.run((context) -> assertThat(context.getBeanNamesForType(CoapTemplate.class))
				.containsExactly("userTemplate"));
	}

	@Test
	void propertiesConfigureTheBuilder() {
		this.runner
			.withPropertyValues("coap.client.base-uri=coap://[fd00::7]:5683/api", "coap.client.timeout=7s",
					"coap.client.confirmable=false", "coap.client.accept=application/cbor",
					"coap.client.content-format=50", "coap.client.max-retransmit=2", "coap.client.block-size=64B",
					"coap.client.max-body-size=1MB", "coap.client.multicast-window=3s",
					"coap.client.multicast-interface=eth7", "coap.client.reregistration-backoff=750ms")
			.run((context) -> {
				CoapTemplateBuilder builder = context.getBean(CoapTemplateBuilder.class);
				assertThat(builder).hasFieldOrPropertyWithValue("baseUri", "coap://[fd00::7]:5683/api")
					.hasFieldOrPropertyWithValue("timeout", Duration.ofSeconds(7))
					.hasFieldOrPropertyWithValue("confirmable", false)
					.hasFieldOrPropertyWithValue("accept", "application/cbor")
					.hasFieldOrPropertyWithValue("contentFormat", "50")
					.hasFieldOrPropertyWithValue("maxRetransmit", 2)
					.hasFieldOrPropertyWithValue("blockSize", 64)
					.hasFieldOrPropertyWithValue("maxBodySize", (int) DataSize.ofMegabytes(1).toBytes())
					.hasFieldOrPropertyWithValue("multicastWindow", Duration.ofSeconds(3))
					.hasFieldOrPropertyWithValue("multicastInterface", "eth7");
				assertThat(context.getBean(Configuration.class)
					.get(CoapConfig.NOTIFICATION_REREGISTRATION_BACKOFF, TimeUnit.MILLISECONDS)).isEqualTo(750);
			});
	}

	@Test
	void defaultsOfTheBuilder() {
		this.runner.run((context) -> assertThat(context.getBean(CoapTemplateBuilder.class))
			.hasFieldOrPropertyWithValue("baseUri", null)
			.hasFieldOrPropertyWithValue("timeout", Duration.ofSeconds(30))
			.hasFieldOrPropertyWithValue("confirmable", true)
			.hasFieldOrPropertyWithValue("accept", null)
			.hasFieldOrPropertyWithValue("maxRetransmit", null)
			.hasFieldOrPropertyWithValue("blockSize", 0)
			.hasFieldOrPropertyWithValue("multicastWindow", Duration.ofSeconds(6))
			.hasFieldOrPropertyWithValue("multicastInterface", null));
	}

	@Test
	void clientPropertyDefaultsAreTheLibraryDefaults() {
		CoapProperties.Client client = new CoapProperties().getClient();
		Configuration californium = new Configuration(CoapConfig.DEFINITIONS);
		assertThat(client.getReregistrationBackoff().toMillis())
			.isEqualTo(californium.get(CoapConfig.NOTIFICATION_REREGISTRATION_BACKOFF, TimeUnit.MILLISECONDS));
		this.runner.withPropertyValues("coap.client.confirmable=true").run((context) -> {
			CoapTemplateBuilder defaults = new CoapTemplateBuilder(context.getBean(CoapClientEndpoints.class),
					context.getBean(CoapMessageConverters.class));
			assertThat(defaults).hasFieldOrPropertyWithValue("timeout", client.getTimeout())
				.hasFieldOrPropertyWithValue("confirmable", client.isConfirmable())
				.hasFieldOrPropertyWithValue("multicastWindow", client.getMulticastWindow())
				.hasFieldOrPropertyWithValue("multicastInterface", client.getMulticastInterface());
		});
	}

	@Test
	void customizersApplyInOrderAfterTheProperties() {
		this.runner.withPropertyValues("coap.client.timeout=9s")
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				CoapTemplateBuilder builder = context.getBean(CoapTemplateBuilder.class);
				assertThat(builder).hasFieldOrPropertyWithValue("baseUri", "coap://second")
					.hasFieldOrPropertyWithValue("timeout", Duration.ofSeconds(9));
				assertThat(context.getBean(CustomizerConfiguration.class).calls).startsWith("first", "second");
			});
	}

	@Test
	void optionRegistryBeanIsUsed() {
		OptionRegistry registry = new MapBasedOptionRegistry(StandardOptionRegistry.getDefaultOptionRegistry(),
				new OpaqueOptionDefinition(65004, "Device-Id"));
		this.runner.withBean(OptionRegistry.class, () -> registry).run((context) -> {
			assertThat(context.getBean(CoapClientEndpoints.class).getOptionRegistry()).isSameAs(registry);
			int port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
			CoapResponseEntity<String> response = context.getBean(CoapTemplate.class)
				.exchange(CoapRequestEntity.get("coap://127.0.0.1:" + port + "/").option("device-id", "7").build(),
						String.class);
			assertThat(response.isSuccess()).as("the custom option resolved by name and was sent").isTrue();
		});
	}

	@Test
	void withoutReactorThereAreNoReactiveObservations() {
		this.runner.withClassLoader(new FilteredClassLoader(Flux.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveCoapObservations.class);
			assertThat(context).hasSingleBean(CoapTemplate.class);
		});
	}

	@Test
	void coapTemplateLoadsWithoutReactor() throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String entry : testClassPath()) {
			if (!entry.contains("reactor-core")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> Class.forName(Flux.class.getName(), false, loader));
			for (String name : List.of("io.coapspring.client.CoapTemplate", "io.coapspring.client.CoapOperations",
					"io.coapspring.client.CoapTemplateBuilder", "io.coapspring.autoconfigure.CoapClientAutoConfiguration")) {
				Class<?> type = Class.forName(name, true, loader);
				assertThat(type.getDeclaredMethods()).isNotEmpty();
				assertThat(type.getDeclaredConstructors()).isNotNull();
				assertThat(type.getDeclaredFields()).isNotNull();
			}
		}
	}

	@Test
	void coapTemplateWorksWithoutScandium() throws Exception {
		List<URL> urls = new ArrayList<>();
		for (String entry : testClassPath()) {
			if (!entry.contains("scandium")) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> Class.forName("org.eclipse.californium.scandium.DTLSConnector", false, loader));
			@SuppressWarnings("unchecked")
			Callable<String> check = (Callable<String>) Class
				.forName(ScandiumFreeClientCheck.class.getName(), true, loader)
				.getDeclaredConstructor()
				.newInstance();
			assertThat(check.call()).isEqualTo("hello without scandium | coaps:// requests need Eclipse Californium"
					+ " Scandium on the classpath: add the dependency 'org.eclipse.californium:scandium' to use DTLS"
					+ " credentials");
		}
	}

	@Test
	void dtlsPropertiesGiveTheBuilderCredentials() {
		this.runner
			.withPropertyValues("coap.client.dtls.psk.identity=device-1",
					"coap.client.dtls.psk.secret=base64:c2VjcmV0UFNL")
			.run((context) -> {
				DtlsClientCredentials credentials = context.getBean(CoapTemplate.class).getDtlsCredentials();
				assertThat(credentials).isNotNull();
				assertThat(credentials.getPskIdentity()).isEqualTo("device-1");
				assertThat(credentials.getPskSecret()).isEqualTo("secretPSK".getBytes(StandardCharsets.UTF_8));
				assertThat(credentials.getKeyMaterial()).isNull();
			});
	}

	@Test
	void sslBundlePropertyGivesTheBuilderX509Credentials() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.client.dtls.ssl-bundle=devices",
					"spring.ssl.bundle.pem.devices.keystore.certificate=classpath:dtls/client.pem",
					"spring.ssl.bundle.pem.devices.keystore.private-key=classpath:dtls/client-key.pem",
					"spring.ssl.bundle.pem.devices.truststore.certificate=classpath:dtls/ca.pem")
			.run((context) -> {
				DtlsClientCredentials credentials = context.getBean(CoapTemplate.class).getDtlsCredentials();
				assertThat(credentials).isNotNull();
				assertThat(credentials.getPskIdentity()).isNull();
				assertThat(credentials.getKeyMaterial()).isNotNull();
				assertThat(credentials.getKeyMaterial().getCertificateChain()).singleElement()
					.satisfies((certificate) -> assertThat(certificate.getSubjectX500Principal().getName())
						.isEqualTo("CN=device-7"));
				assertThat(credentials.getKeyMaterial().getTrustedCertificates()).hasSize(1);
			});
	}

	@Test
	void tlsSslBundlePropertyGivesTheBuilderTheBundleOfCoapsTcpRequests() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.client.tls.ssl-bundle=gateway",
					"spring.ssl.bundle.pem.gateway.truststore.certificate=classpath:dtls/ca.pem")
			.run((context) -> assertThat(context.getBean(CoapTemplate.class).getTlsBundle())
				.isSameAs(context.getBean(SslBundles.class).getBundle("gateway")));
		this.runner.run((context) -> assertThat(context.getBean(CoapTemplate.class).getTlsBundle()).isNull());
	}

	@Test
	void negativeTcpPingIntervalFailsStartUpNamingTheProperty() {
		assertDtlsFailure("coap.client.tcp.ping-interval", "must not be negative", "coap.client.tcp.ping-interval=-1s");
	}

	@Test
	void missingTlsSslBundleFailsStartUpNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.client.tls.ssl-bundle=missing")
			.run(dtlsFailure("coap.client.tls.ssl-bundle", "no SSL bundle of that name"));
		assertDtlsFailure("coap.client.tls.ssl-bundle", "no SslBundles bean", "coap.client.tls.ssl-bundle=gateway");
	}

	@Test
	void dtlsMisconfigurationFailsStartUpNamingTheProperty() {
		assertDtlsFailure("coap.client.dtls.psk.secret", "'coap.client.dtls.psk.identity' is set",
				"coap.client.dtls.psk.identity=device-1");
		assertDtlsFailure("coap.client.dtls.psk.identity", "'coap.client.dtls.psk.secret' is set",
				"coap.client.dtls.psk.secret=secret");
		assertDtlsFailure("coap.client.dtls.psk.secret", "not valid Base64", "coap.client.dtls.psk.identity=device-1",
				"coap.client.dtls.psk.secret=base64:!!");
		assertDtlsFailure("coap.client.dtls.psk.secret", "must not be empty", "coap.client.dtls.psk.identity=device-1",
				"coap.client.dtls.psk.secret=base64:");
		assertDtlsFailure("coap.client.dtls.ssl-bundle", "no SslBundles bean", "coap.client.dtls.ssl-bundle=devices");
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.client.dtls.ssl-bundle=missing")
			.run(dtlsFailure("coap.client.dtls.ssl-bundle", "no SSL bundle of that name"));
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.client.dtls.ssl-bundle=keyonly",
					"spring.ssl.bundle.pem.keyonly.keystore.certificate=classpath:dtls/client.pem",
					"spring.ssl.bundle.pem.keyonly.keystore.private-key=classpath:dtls/client-key.pem")
			.run(dtlsFailure("coap.client.dtls.ssl-bundle", "no trust store"));
		assertDtlsFailure("coap.client.base-uri", "coap:// or coaps://", "coap.client.base-uri=https://device");
	}

	@Test
	void dtlsPropertiesWithoutScandiumFailStartUp() {
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.californium.scandium"))
			.withPropertyValues("coap.client.dtls.psk.identity=device-1", "coap.client.dtls.psk.secret=secret")
			.run(dtlsFailure("coap.client.dtls.psk.identity", "add the dependency 'org.eclipse.californium:scandium'"));
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.californium.scandium"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CoapTemplate.class));
	}

	private void assertDtlsFailure(String property, String reason, String... properties) {
		this.runner.withPropertyValues(properties).run(dtlsFailure(property, reason));
	}

	private static ContextConsumer<AssertableApplicationContext> dtlsFailure(String property, String reason) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(property))
				.hasMessageContaining(reason);
		};
	}

	private static List<String> testClassPath() {
		String classPath = System.getProperty("java.class.path");
		if (!classPath.contains("test-classes")) {
			classPath = System.getProperty("surefire.test.class.path", classPath);
		}
		assertThat(classPath).contains("test-classes");
		return List.of(classPath.split(File.pathSeparator));
	}

	@Test
	void endpointsAndTheirThreadsAreClosedWithTheContext() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		boolean ipv6 = isIpv6LoopbackAvailable();
		List<Endpoint> bound = new ArrayList<>();
		this.runner.run((context) -> {
			CoapClientEndpoints endpoints = context.getBean(CoapClientEndpoints.class);
			bound.add(endpoints.getEndpoint(InetAddress.getLoopbackAddress(), 0));
			bound.add(endpoints.getEndpoint(InetAddress.getByName(ipv6 ? "::1" : "127.0.0.2"), 0));
			bound.add(endpoints.getEndpoint(InetAddress.getLoopbackAddress(), 128));
			endpoints.getCallbackExecutor().execute(() -> {
			});
			assertThat(endpoints.getEndpoints()).hasSize(ipv6 ? 3 : 2);
			assertThat(bound.get(0).getAddress().getAddress().isAnyLocalAddress()).isTrue();
			if (ipv6) {
				assertThat(bound.get(1).getAddress().getAddress()).isInstanceOf(Inet6Address.class);
			}
			assertThat(bound.get(2).getConfig().get(CoapConfig.PREFERRED_BLOCK_SIZE)).isEqualTo(128);
			assertThat(bound.get(2).getConfig().get(CoapConfig.MAX_MESSAGE_SIZE)).isEqualTo(128);
		});
		assertThat(bound).allSatisfy((endpoint) -> assertThat(endpoint.isStarted()).isFalse());
		Set<Thread> clientThreads = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.getName().startsWith("CoapClient"))
			.collect(Collectors.toSet());
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(clientThreads).noneMatch(Thread::isAlive));
	}

	private static boolean isIpv6LoopbackAvailable() {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void closedEndpointsRefuseWork() {
		this.runner.run((context) -> {
			CoapClientEndpoints endpoints = context.getBean(CoapClientEndpoints.class);
			endpoints.close();
			assertThatIllegalStateException()
				.isThrownBy(() -> endpoints.getEndpoint(InetAddress.getLoopbackAddress(), 0));
		});
	}

	@Test
	void invalidClientPropertiesFailStartUp() {
		assertFailure("coap.client.block-size=100B", "coap.client.block-size");
		assertFailure("coap.client.max-retransmit=21", "coap.client.max-retransmit");
		assertFailure("coap.client.base-uri=http://example.org", "coap.client.base-uri");
		assertFailure("coap.client.multicast-window=0s", "coap.client.multicast-window");
		assertFailure("coap.client.multicast-interface= ", "coap.client.multicast-interface");
		assertFailure("coap.client.reregistration-backoff=-1s", "coap.client.reregistration-backoff");
		assertFailure("coap.client.accept=application/nonsense", "coap.client.accept");
		assertFailure("coap.client.content-format=x-unknown", "coap.client.content-format");
	}

	private void assertFailure(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(name);
		});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@Bean
		CoapTemplate userTemplate(CoapTemplateBuilder builder) {
			return builder.baseUri("coap://device").build();
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		CoapTemplateCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.baseUri("coap://second");
			};
		}

		@Bean
		@Order(1)
		CoapTemplateCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.baseUri("coap://first");
			};
		}

	}

}
