package io.coapspring.lwm2m.autoconfigure;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.core.Lwm2mTemplate;
import io.coapspring.lwm2m.server.Lwm2mEndpointsConfigurationCustomizer;
import io.coapspring.lwm2m.server.Lwm2mPortInUseException;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpoint;
import org.eclipse.leshan.server.model.LwM2mModelProvider;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.security.SecurityStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mServerAutoConfiguration}.
 */
class Lwm2mServerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

	@Test
	void defaultsGiveARunningServerATemplateAndInMemoryRegistrations() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LeshanServer.class)
				.hasSingleBean(Lwm2mTemplate.class)
				.hasSingleBean(Lwm2mServerLifecycle.class)
				.hasSingleBean(LwM2mModelProvider.class)
				.hasSingleBean(SecurityStore.class);
			assertThat(context.getBean(RegistrationStore.class)).isInstanceOf(InMemoryRegistrationStore.class);
			assertThat(context.getBean(Lwm2mServerLifecycle.class).isRunning()).isTrue();
			Integer port = context.getEnvironment().getProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
			assertThat(port).isNotNull().isPositive();
			assertThat(context.getEnvironment().getProperty(Lwm2mServerLifecycle.DTLS_PORT_PROPERTY)).isNull();
		});
	}

	@Test
	void defaultPortsAreNotTheCoapPorts() {
		Lwm2mServerProperties properties = new Lwm2mServerProperties();
		assertThat(properties.getPort()).isEqualTo(5783);
		assertThat(properties.getDtls().getPort()).isEqualTo(5784);
	}

	@Test
	void userRegistrationStoreWins() {
		this.runner.withUserConfiguration(StoreConfiguration.class)
			.run((context) -> assertThat(context.getBean(RegistrationStore.class))
				.isSameAs(context.getBean(StoreConfiguration.class).store));
	}

	@Test
	void userOperationsWin() {
		this.runner.withBean("myOperations", Lwm2mOperations.class, () -> org.mockito.Mockito.mock(Lwm2mOperations.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mTemplate.class));
	}

	@Test
	void configurationCustomizersChangeTheLwm2mEndpointsOnly() {
		org.eclipse.californium.elements.config.Configuration shared = new org.eclipse.californium.elements.config.Configuration();
		shared.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
		this.runner.withBean(org.eclipse.californium.elements.config.Configuration.class, () -> shared)
			.withBean(Lwm2mEndpointsConfigurationCustomizer.class,
					() -> (configuration) -> configuration.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 5))
			.run((context) -> {
				CaliforniumServerEndpoint endpoint = (CaliforniumServerEndpoint) context.getBean(LeshanServer.class)
					.getEndpoint(Protocol.COAP);
				assertThat(endpoint.getCoapEndpoint().getConfig().get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT))
					.isEqualTo(5);
				assertThat(shared.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT)).isEqualTo(1);
			});
	}

	@Test
	void customizersGetTheBuilderLast() {
		java.util.concurrent.atomic.AtomicBoolean customized = new java.util.concurrent.atomic.AtomicBoolean();
		this.runner
			.withBean(io.coapspring.lwm2m.server.Lwm2mServerCustomizer.class,
					() -> (builder) -> customized.set(true))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(customized).isTrue();
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("coap.lwm2m.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LeshanServer.class)
				.doesNotHaveBean(Lwm2mTemplate.class));
	}

	@Test
	void backsOffWithoutLeshan() {
		this.runner.withClassLoader(new FilteredClassLoader(LeshanServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mTemplate.class));
	}

	@Test
	void portOfTheCoapServerFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("coap.lwm2m.server.port=5683").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("coap.lwm2m.server.port")
				.hasMessageContaining("coap.server.port");
		});
	}

	@Test
	void coapPortIsFreeToUseWhenTheCoapServerIsOff() {
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			int port = probe.getLocalPort();
			probe.close();
			this.runner
				.withPropertyValues("coap.server.enabled=false", "coap.server.port=" + port,
						"coap.lwm2m.server.port=" + port)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		catch (java.net.SocketException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void portInUseFailsStartUpNamingTheProperty() throws Exception {
		try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			this.runner.withPropertyValues("coap.lwm2m.server.port=" + taken.getLocalPort()).run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof Lwm2mPortInUseException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(Lwm2mPortInUseException.class)
					.hasMessageContaining("coap.lwm2m.server.port");
				assertThat(((Lwm2mPortInUseException) failure).getAddress().getPort())
					.isEqualTo(taken.getLocalPort());
			});
		}
	}

	@Test
	void badRegistrationBoundFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("coap.lwm2m.server.registration.max-registrations=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.registration.max-registrations"));
	}

	@Test
	void lifetimeBoundsInTheWrongOrderFailStartUp() {
		this.runner
			.withPropertyValues("coap.lwm2m.server.registration.min-lifetime=1h",
					"coap.lwm2m.server.registration.max-lifetime=1m")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.registration.max-lifetime"));
	}

	@Test
	void badPskKeyFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.psk.dev1.identity=dev1", "coap.lwm2m.server.dtls.psk.dev1.key=xyz")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.dtls.psk.dev1.key"));
	}

	@Test
	void missingModelLocationContentFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("coap.lwm2m.server.models.locations=classpath:/lwm2m-test/broken.xml")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.models.locations"));
	}

	@Test
	void dtlsEndpointPublishesItsPort() {
		this.runner.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0")
			.run((context) -> assertThat(
					context.getEnvironment().getProperty(Lwm2mServerLifecycle.DTLS_PORT_PROPERTY, Integer.class))
				.isPositive());
	}

	@Test
	void sharesTheApplicationsCaliforniumSettingsWithLeshanDefaultsOnTop() {
		org.eclipse.californium.elements.config.Configuration shared = new org.eclipse.californium.elements.config.Configuration(
				org.eclipse.californium.core.config.CoapConfig.DEFINITIONS,
				org.eclipse.californium.elements.config.UdpConfig.DEFINITIONS);
		shared.set(org.eclipse.californium.core.config.CoapConfig.MAX_ACTIVE_PEERS, 1234);
		this.runner.withBean("coapConfiguration", org.eclipse.californium.elements.config.Configuration.class, () -> shared)
			.run((context) -> {
				org.eclipse.californium.elements.config.Configuration leshan = context
					.getBean(Lwm2mServerAutoConfiguration.Lwm2mServerEndpoints.class)
					.provider()
					.getCoapServer()
					.getConfig();
				assertThat(leshan).isNotSameAs(shared);
				assertThat(leshan.get(org.eclipse.californium.core.config.CoapConfig.MAX_ACTIVE_PEERS)).isEqualTo(1234);
				assertThat(leshan.get(org.eclipse.californium.core.config.CoapConfig.MID_TRACKER))
					.isEqualTo(org.eclipse.californium.core.config.CoapConfig.TrackerMode.NULL);
				assertThat(shared.get(org.eclipse.californium.core.config.CoapConfig.MID_TRACKER))
					.isNotEqualTo(org.eclipse.californium.core.config.CoapConfig.TrackerMode.NULL);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		final InMemoryRegistrationStore store = new InMemoryRegistrationStore();

		@Bean
		RegistrationStore myStore() {
			return this.store;
		}

	}

}
