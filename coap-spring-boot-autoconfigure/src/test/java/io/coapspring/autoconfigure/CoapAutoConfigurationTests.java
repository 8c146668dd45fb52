package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapMessageDeliverer;
import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.CoapServerFactory;
import io.coapspring.server.ProtocolHandOff;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.context.CoapServerLifecycle;
import io.coapspring.server.context.CoapServerStartedEvent;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapAutoConfiguration} and {@link CoapServerAutoConfiguration}.
 *
 * @author CoAP Spring Boot team
 */
class CoapAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class))
		.withInitializer(new CoapPortInfoApplicationContextInitializer())
		.withPropertyValues("coap.server.port=0");

	@Test
	void defaultsCreateAStartedServerAndItsConfiguration() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CoapProperties.class)
				.hasSingleBean(Configuration.class)
				.hasSingleBean(CoapRequestGate.class)
				.hasSingleBean(ProtocolHandOff.class)
				.hasSingleBean(CoapServerFactory.class)
				.hasSingleBean(CoapServer.class)
				.hasSingleBean(CoapServerLifecycle.class);
			CoapServer server = context.getBean(CoapServer.class);
			assertThat(server.getEndpoints()).singleElement().satisfies((endpoint) -> {
				assertThat(endpoint.isStarted()).isTrue();
				assertThat(endpoint.getAddress().getAddress().isAnyLocalAddress()).isTrue();
				assertThat(endpoint.getAddress().getPort()).isPositive();
				assertThat(endpoint.getConfig()).isSameAs(context.getBean(Configuration.class));
			});
			assertThat(server.getMessageDeliverer()).isInstanceOf(CoapMessageDeliverer.class);
			assertThat(context.getBean(CoapServerLifecycle.class).isRunning()).isTrue();
			assertThat(context.getBean(CoapRequestGate.class).isAccepting()).isTrue();
		});
	}

	@Test
	void defaultConfigurationIsProductionSafe() {
		this.contextRunner.run((context) -> {
			Configuration configuration = context.getBean(Configuration.class);
			assertThat(configuration.get(CoapConfig.DEDUPLICATOR)).isEqualTo(CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
			assertThat(configuration.get(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES)).isEqualTo(64);
			assertThat(configuration.get(CoapConfig.USE_MESSAGE_OFFLOADING)).isTrue();
			assertThat(configuration.get(CoapConfig.MAX_ACTIVE_PEERS)).isEqualTo(10_000);
			assertThat(configuration.get(CoapConfig.EXCHANGE_LIFETIME, TimeUnit.MILLISECONDS)).isEqualTo(247_000L);
			assertThat(configuration.get(CoapConfig.NON_LIFETIME, TimeUnit.MILLISECONDS)).isEqualTo(145_000L);
			assertThat(configuration.get(CoapConfig.MAX_TRANSMIT_WAIT, TimeUnit.MILLISECONDS)).isEqualTo(93_000L);
			assertThat(configuration.get(CoapConfig.ACK_TIMEOUT, TimeUnit.MILLISECONDS)).isEqualTo(2_000L);
			assertThat(configuration.get(CoapConfig.ACK_INIT_RANDOM)).isEqualTo(1.5f);
			assertThat(configuration.get(CoapConfig.MAX_RETRANSMIT)).isEqualTo(4);
			assertThat(configuration.get(CoapConfig.NSTART)).isEqualTo(1);
			assertThat(configuration.get(UdpConfig.UDP_DATAGRAM_SIZE)).isGreaterThanOrEqualTo(1024 + 128);
		});
	}

	@Test
	void userConfigurationWins() {
		this.contextRunner.withUserConfiguration(UserConfigurationConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Configuration.class);
			Configuration configuration = context.getBean(Configuration.class);
			assertThat(configuration).isSameAs(context.getBean("userCoapConfiguration"));
			assertThat(configuration.get(CoapConfig.MAX_RETRANSMIT)).isEqualTo(9);
			assertThat(context.getBean(CoapServer.class).getEndpoints().get(0).getConfig()).isSameAs(configuration);
		});
	}

	@Test
	void serverPropertiesAreValidatedWithAUserConfiguration() {
		this.contextRunner.withUserConfiguration(UserConfigurationConfiguration.class)
			.withPropertyValues("coap.server.port=70000")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("coap.server.port")
					.hasMessageContaining("must be between 0 and 65535");
			});
	}

	@Test
	void userProtocolHandOffWins() {
		this.contextRunner.withBean("userHandOff", ProtocolHandOff.class, ProtocolHandOff::new).run((context) -> {
			assertThat(context).hasSingleBean(ProtocolHandOff.class);
			assertThat(context.getBean(ProtocolHandOff.class)).isSameAs(context.getBean("userHandOff"));
		});
	}

	@Test
	void userRequestGateWins() {
		this.contextRunner.withBean("userGate", CoapRequestGate.class, CoapRequestGate::new).run((context) -> {
			assertThat(context).hasSingleBean(CoapRequestGate.class);
			assertThat(context.getBean(CoapRequestGate.class)).isSameAs(context.getBean("userGate"));
		});
	}

	@Test
	void userServerFactoryWins() {
		this.contextRunner.withUserConfiguration(UserServerFactoryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapServerFactory.class);
			RecordingServerFactory factory = context.getBean(RecordingServerFactory.class);
			assertThat(factory.created).containsExactly(context.getBean(CoapServer.class));
		});
	}

	@Test
	void userServerWinsAndIsStartedByTheLifecycle() {
		this.contextRunner.withUserConfiguration(UserServerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CoapServer.class);
			CoapServer server = context.getBean(CoapServer.class);
			assertThat(server).isSameAs(context.getBean("userCoapServer"));
			assertThat(server.getMessageDeliverer()).isNotInstanceOf(CoapMessageDeliverer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getEndpoints()).singleElement().satisfies((endpoint) -> {
				assertThat(endpoint.isStarted()).isTrue();
				assertThat(endpoint.getAddress().getPort()).isPositive();
			});
			assertThat(context.getEnvironment().getProperty("local.coap.port", Integer.class))
				.isEqualTo(server.getEndpoints().get(0).getAddress().getPort());
		});
	}

	@Test
	void userLifecycleWins() {
		this.contextRunner.withUserConfiguration(UserLifecycleConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CoapServerLifecycle.class);
			assertThat(context.getBean(CoapServerLifecycle.class)).isSameAs(context.getBean("userLifecycle"));
		});
	}

	@Test
	void serverDisabledLeavesNoServerButKeepsTheConfiguration() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(CoapProperties.class)
				.hasSingleBean(Configuration.class)
				.doesNotHaveBean(CoapServer.class)
				.doesNotHaveBean(CoapServerLifecycle.class)
				.doesNotHaveBean(CoapServerFactory.class)
				.doesNotHaveBean(CoapRequestGate.class);
			assertThat(context.getEnvironment().containsProperty("local.coap.port")).isFalse();
		});
	}

	@Test
	void withoutCaliforniumNothingIsConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(CoapServer.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CoapProperties.class)
				.doesNotHaveBean(Configuration.class)
				.doesNotHaveBean(CoapServer.class)
				.doesNotHaveBean(CoapServerLifecycle.class);
		});
	}

	@Test
	void configurationCustomizersAreAppliedInOrderAfterTheProperties() {
		this.contextRunner.withPropertyValues("coap.network.max-retransmit=3")
			.withUserConfiguration(ConfigurationCustomizersConfiguration.class)
			.run((context) -> {
				CallOrder calls = context.getBean(CallOrder.class);
				assertThat(calls.names).containsExactly("first", "second");
				Configuration configuration = context.getBean(Configuration.class);
				assertThat(configuration.get(CoapConfig.MAX_RETRANSMIT)).isEqualTo(8);
				assertThat(configuration.get(CoapConfig.NSTART)).isEqualTo(2);
			});
	}

	@Test
	void serverCustomizersAreAppliedInOrder() {
		this.contextRunner.withUserConfiguration(ServerCustomizersConfiguration.class).run((context) -> {
			CallOrder calls = context.getBean(CallOrder.class);
			assertThat(calls.names).containsExactly("first", "second");
			assertThat(context.getBean(CoapServer.class).getTag()).startsWith("second");
		});
	}

	@Test
	void resourceBeansAreAddedToTheServer() {
		this.contextRunner.withBean("temperature", CoapResource.class, () -> new CoapResource("temperature"))
			.withBean("humidity", CoapResource.class, () -> new CoapResource("humidity"))
			.run((context) -> {
				CoapServer server = context.getBean(CoapServer.class);
				assertThat(server.getRoot().getChild("temperature")).isSameAs(context.getBean("temperature"));
				assertThat(server.getRoot().getChild("humidity")).isSameAs(context.getBean("humidity"));
				assertThat(server.getRoot().getChild(".well-known")).isNotNull();
			});
	}

	@Test
	void startedEventCarriesTheBoundAddressAndLocalPortIsPublished() {
		this.contextRunner.withUserConfiguration(StartedEventConfiguration.class).run((context) -> {
			CoapServer server = context.getBean(CoapServer.class);
			Endpoint endpoint = server.getEndpoints().get(0);
			List<CoapServerStartedEvent> events = context.getBean(StartedEvents.class).events;
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.getServer()).isSameAs(server);
				assertThat(event.getAddresses()).containsExactly(endpoint.getAddress());
				assertThat(event.getPort()).isPositive().isEqualTo(endpoint.getAddress().getPort());
			});
			assertThat(context.getEnvironment().getProperty("local.coap.port", Integer.class))
				.isEqualTo(events.get(0).getPort());
		});
	}

	@Test
	void serverAddressIsBound() {
		this.contextRunner.withPropertyValues("coap.server.address=127.0.0.1")
			.withUserConfiguration(StartedEventConfiguration.class)
			.run((context) -> {
				InetSocketAddress address = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress();
				assertThat(address.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
				assertThat(context.getBean(StartedEvents.class).events).singleElement()
					.satisfies((event) -> assertThat(event.getAddresses()).containsExactly(address));
			});
	}

	@Test
	void lifecycleStopsTheServerWhenTheContextCloses() {
		this.contextRunner.withPropertyValues("coap.server.shutdown=immediate").run((context) -> {
			CoapServer server = context.getBean(CoapServer.class);
			CoapServerLifecycle lifecycle = context.getBean(CoapServerLifecycle.class);
			assertThat(lifecycle.getPhase()).isEqualTo(CoapServerLifecycle.PHASE);
			context.close();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(server.getEndpoints()).allSatisfy((endpoint) -> assertThat(endpoint.isStarted()).isFalse());
		});
	}

	@Test
	void endpointsAddedByACustomizerAreStartedAndAnnounced() {
		this.contextRunner.withUserConfiguration(SecondEndpointConfiguration.class, StartedEventConfiguration.class)
			.run((context) -> {
				CoapServer server = context.getBean(CoapServer.class);
				assertThat(server.getEndpoints()).hasSize(2)
					.allSatisfy((endpoint) -> assertThat(endpoint.isStarted()).isTrue());
				List<InetSocketAddress> addresses = server.getEndpoints().stream().map(Endpoint::getAddress).toList();
				assertThat(context.getBean(StartedEvents.class).events).singleElement()
					.satisfies((event) -> assertThat(event.getAddresses()).isEqualTo(addresses));
				assertThat(context.getEnvironment().getProperty("local.coap.port", Integer.class))
					.isEqualTo(addresses.get(0).getPort());
			});
	}

	@Test
	void contextCanBeStoppedAndStartedAgain() {
		this.contextRunner.withUserConfiguration(StartedEventConfiguration.class).run((context) -> {
			CoapServer server = context.getBean(CoapServer.class);
			CoapServerLifecycle lifecycle = context.getBean(CoapServerLifecycle.class);
			CoapRequestGate gate = context.getBean(CoapRequestGate.class);
			context.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(gate.isAccepting()).isFalse();
			assertThat(server.getEndpoints().get(0).isStarted()).isFalse();
			context.start();
			assertThat(lifecycle.isRunning()).isTrue();
			assertThat(gate.isAccepting()).isTrue();
			assertThat(server.getEndpoints().get(0).isStarted()).isTrue();
			List<CoapServerStartedEvent> events = context.getBean(StartedEvents.class).events;
			assertThat(events).hasSize(2);
			assertThat(context.getEnvironment().getProperty("local.coap.port", Integer.class))
				.isEqualTo(events.get(1).getPort())
				.isEqualTo(server.getEndpoints().get(0).getAddress().getPort());
		});
	}

	static Configuration newConfiguration() {
		return new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
	}

	static final class CallOrder {

		final List<String> names = new CopyOnWriteArrayList<>();

	}

	static final class StartedEvents implements ApplicationListener<CoapServerStartedEvent> {

		final List<CoapServerStartedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(CoapServerStartedEvent event) {
			this.events.add(event);
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserConfigurationConfiguration {

		@Bean
		Configuration userCoapConfiguration() {
			Configuration configuration = newConfiguration();
			configuration.set(CoapConfig.MAX_RETRANSMIT, 9);
			return configuration;
		}

	}

	static class RecordingServerFactory extends CoapServerFactory {

		final List<CoapServer> created = new CopyOnWriteArrayList<>();

		RecordingServerFactory(Configuration configuration, CoapRequestGate gate) {
			super(configuration, gate);
		}

		@Override
		public CoapServer createServer(List<? extends Endpoint> endpoints) {
			CoapServer server = super.createServer(endpoints);
			this.created.add(server);
			return server;
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserServerFactoryConfiguration {

		@Bean
		RecordingServerFactory userServerFactory(Configuration configuration, CoapRequestGate gate) {
			return new RecordingServerFactory(configuration, gate);
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserServerConfiguration {

		@Bean(destroyMethod = "destroy")
		CoapServer userCoapServer(Configuration configuration) {
			CoapServer server = new CoapServer(configuration);
			server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(configuration)
				.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
				.build());
			return server;
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserLifecycleConfiguration {

		@Bean
		CoapServerLifecycle userLifecycle(CoapServer server, CoapRequestGate gate, ApplicationEventPublisher publisher) {
			return new CoapServerLifecycle(server, gate, publisher, false, Duration.ZERO);
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class ConfigurationCustomizersConfiguration {

		@Bean
		CallOrder callOrder() {
			return new CallOrder();
		}

		@Bean
		SecondConfigurationCustomizer secondConfigurationCustomizer(CallOrder callOrder) {
			return new SecondConfigurationCustomizer(callOrder);
		}

		@Bean
		FirstConfigurationCustomizer firstConfigurationCustomizer(CallOrder callOrder) {
			return new FirstConfigurationCustomizer(callOrder);
		}

	}

	@Order(1)
	static class FirstConfigurationCustomizer implements CoapConfigurationCustomizer {

		private final CallOrder callOrder;

		FirstConfigurationCustomizer(CallOrder callOrder) {
			this.callOrder = callOrder;
		}

		@Override
		public void customize(Configuration configuration) {
			assertThat(configuration.get(CoapConfig.MAX_RETRANSMIT)).isEqualTo(3);
			this.callOrder.names.add("first");
			configuration.set(CoapConfig.MAX_RETRANSMIT, 7);
			configuration.set(CoapConfig.NSTART, 2);
		}

	}

	@Order(2)
	static class SecondConfigurationCustomizer implements CoapConfigurationCustomizer {

		private final CallOrder callOrder;

		SecondConfigurationCustomizer(CallOrder callOrder) {
			this.callOrder = callOrder;
		}

		@Override
		public void customize(Configuration configuration) {
			this.callOrder.names.add("second");
			configuration.set(CoapConfig.MAX_RETRANSMIT, configuration.get(CoapConfig.MAX_RETRANSMIT) + 1);
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class ServerCustomizersConfiguration {

		@Bean
		CallOrder callOrder() {
			return new CallOrder();
		}

		@Bean
		@Order(2)
		CoapServerCustomizer secondServerCustomizer(CallOrder callOrder) {
			return (server) -> {
				assertThat(server.getEndpoints()).hasSize(1);
				callOrder.names.add("second");
				server.setTag("second");
			};
		}

		@Bean
		@Order(1)
		CoapServerCustomizer firstServerCustomizer(CallOrder callOrder) {
			return (server) -> {
				callOrder.names.add("first");
				server.setTag("first");
			};
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class SecondEndpointConfiguration {

		@Bean
		CoapServerCustomizer secondEndpoint(Configuration configuration) {
			return (server) -> server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(configuration)
				.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
				.build());
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class StartedEventConfiguration {

		@Bean
		StartedEvents startedEvents() {
			return new StartedEvents();
		}

	}

}
