package io.coapspring.lwm2m.bootstrap;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.lwm2m.autoconfigure.Lwm2mBootstrapAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.bootstrap.Lwm2mBootstrapEvent.Step;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.leshan.server.bootstrap.BootstrapConfigStore;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bootstrap then register: a client that knows only the bootstrap server gets its LWM2M server from the
 * configuration in properties, registers there, and the application sees every bootstrap step as an event.
 */
class Lwm2mBootstrapTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(Lwm2mServerAutoConfiguration.class, Lwm2mBootstrapAutoConfiguration.class))
		.withBean(BootstrapEvents.class)
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.bootstrap.address=127.0.0.1",
				"coap.lwm2m.bootstrap.port=0");

	@Test
	void offByDefault() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(Lwm2mServerAutoConfiguration.class, Lwm2mBootstrapAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.port=0")
			.run((context) -> assertThat(context).doesNotHaveBean(LeshanBootstrapServer.class));
	}

	@Test
	void clientIsBootstrappedThenRegisters() throws Exception {
		int serverPort = freePort();
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=" + serverPort,
					"coap.lwm2m.bootstrap.clients.bs-1.servers[0].uri=coap://127.0.0.1:" + serverPort,
					"coap.lwm2m.bootstrap.clients.bs-1.servers[0].short-id=7",
					"coap.lwm2m.bootstrap.clients.bs-1.servers[0].lifetime=10m")
			.run((context) -> {
				assertThat(context).hasSingleBean(BootstrapConfigStore.class);
				try (Lwm2mTestClient client = Lwm2mTestClient.builder("bs-1")
					.bootstrapServerUri("coap://127.0.0.1:" + bootstrapPort(context))
					.build()) {
					client.start();
					client.awaitRegistered(Duration.ofSeconds(20));
					Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
					assertThat(lwm2m.getRegistration("bs-1"))
						.hasValueSatisfying((registration) -> assertThat(registration.lifetime())
							.isEqualTo(Duration.ofMinutes(10)));
					BootstrapEvents events = context.getBean(BootstrapEvents.class);
					await().atMost(Duration.ofSeconds(5))
						.until(() -> events.steps().contains(Step.FINISHED));
					assertThat(events.steps()).containsSubsequence(Step.STARTED, Step.AUTHORIZED, Step.REQUEST_SENT,
							Step.REQUEST_SUCCEEDED, Step.FINISHED);
					assertThat(events.events).filteredOn((event) -> event.getStep() == Step.REQUEST_SENT)
						.extracting(Lwm2mBootstrapEvent::getDetail)
						.anySatisfy((detail) -> assertThat(detail).startsWith("BootstrapDeleteRequest"))
						.anySatisfy((detail) -> assertThat(detail).startsWith("BootstrapWriteRequest /0/0"))
						.anySatisfy((detail) -> assertThat(detail).startsWith("BootstrapWriteRequest /1/0"))
						.anySatisfy((detail) -> assertThat(detail).startsWith("BootstrapFinishRequest"));
				}
			});
	}

	@Test
	void clientIsBootstrappedOverDtlsWithAPreSharedKey() throws Exception {
		int serverPort = freePort();
		byte[] key = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=" + serverPort,
					"coap.lwm2m.bootstrap.dtls.enabled=true", "coap.lwm2m.bootstrap.dtls.port=0",
					"coap.lwm2m.bootstrap.dtls.psk.bs-dtls.identity=bs-dtls-id",
					"coap.lwm2m.bootstrap.dtls.psk.bs-dtls.key=00112233445566778899aabbccddeeff",
					"coap.lwm2m.bootstrap.clients.bs-dtls.servers[0].uri=coap://127.0.0.1:" + serverPort)
			.run((context) -> {
				int dtlsPort = context.getEnvironment()
					.getRequiredProperty(Lwm2mBootstrapServerLifecycle.DTLS_PORT_PROPERTY, Integer.class);
				try (Lwm2mTestClient client = Lwm2mTestClient.builder("bs-dtls")
					.bootstrapServerUri("coaps://127.0.0.1:" + dtlsPort)
					.psk("bs-dtls-id", key)
					.build()) {
					client.start();
					client.awaitRegistered(Duration.ofSeconds(20));
					assertThat(context.getBean(Lwm2mOperations.class).getRegistration("bs-dtls")).isPresent();
				}
				BootstrapEvents events = context.getBean(BootstrapEvents.class);
				try (Lwm2mTestClient unsecured = Lwm2mTestClient.builder("bs-dtls")
					.bootstrapServerUri("coap://127.0.0.1:" + bootstrapPort(context))
					.build()) {
					unsecured.start();
					await().atMost(Duration.ofSeconds(10)).until(() -> events.steps().contains(Step.UNAUTHORIZED));
				}
			});
	}

	@Test
	void clientIsBootstrappedOverDtlsWithARawPublicKey() throws Exception {
		int serverPort = freePort();
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
		generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		java.security.KeyPair device = generator.generateKeyPair();
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=" + serverPort,
					"coap.lwm2m.bootstrap.dtls.enabled=true", "coap.lwm2m.bootstrap.dtls.port=0",
					"coap.lwm2m.bootstrap.dtls.ssl-bundle=bs",
					"coap.lwm2m.bootstrap.dtls.rpk-clients.bs-rpk="
							+ java.util.Base64.getEncoder().encodeToString(device.getPublic().getEncoded()),
					"spring.ssl.bundle.pem.bs.keystore.certificate=classpath:dtls/server.pem",
					"spring.ssl.bundle.pem.bs.keystore.private-key=classpath:dtls/server-key.pem",
					"coap.lwm2m.bootstrap.clients.bs-rpk.servers[0].uri=coap://127.0.0.1:" + serverPort)
			.run((context) -> {
				int dtlsPort = context.getEnvironment()
					.getRequiredProperty(Lwm2mBootstrapServerLifecycle.DTLS_PORT_PROPERTY, Integer.class);
				byte[] serverKey = org.springframework.boot.ssl.pem.PemContent
					.load(new org.springframework.core.io.ClassPathResource("dtls/server.pem").getInputStream())
					.getCertificates()
					.get(0)
					.getPublicKey()
					.getEncoded();
				try (Lwm2mTestClient client = Lwm2mTestClient.builder("bs-rpk")
					.bootstrapServerUri("coaps://127.0.0.1:" + dtlsPort)
					.rpk(device.getPublic().getEncoded(), device.getPrivate().getEncoded(), serverKey)
					.build()) {
					client.start();
					client.awaitRegistered(Duration.ofSeconds(20));
					assertThat(context.getBean(Lwm2mOperations.class).getRegistration("bs-rpk")).isPresent();
				}
			});
	}

	@Test
	void badBootstrapPskFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0",
					"coap.lwm2m.bootstrap.dtls.enabled=true", "coap.lwm2m.bootstrap.dtls.port=0",
					"coap.lwm2m.bootstrap.dtls.psk.bs-x.identity=bs-x", "coap.lwm2m.bootstrap.dtls.psk.bs-x.key=xyz")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.bootstrap.dtls.psk.bs-x.key"));
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0",
					"coap.lwm2m.bootstrap.dtls.enabled=true", "coap.lwm2m.bootstrap.dtls.port=0",
					"coap.lwm2m.bootstrap.dtls.rpk-clients.bs-y=bm90IGEga2V5")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.bootstrap.dtls.rpk-clients")
				.hasMessageContaining("coap.lwm2m.bootstrap.dtls.ssl-bundle"));
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0",
					"coap.lwm2m.bootstrap.clients.bs-3.servers[0].uri=coaps://127.0.0.1:5784",
					"coap.lwm2m.bootstrap.clients.bs-3.servers[0].psk.identity=bs-3",
					"coap.lwm2m.bootstrap.clients.bs-3.servers[0].psk.key=nothex")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.bootstrap.clients.bs-3.servers[0].psk.key"));
	}

	@Test
	void userConfigStoreWins() {
		org.eclipse.leshan.server.bootstrap.InMemoryBootstrapConfigStore store = new org.eclipse.leshan.server.bootstrap.InMemoryBootstrapConfigStore();
		this.runner.withBean(BootstrapConfigStore.class, () -> store)
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0",
					"coap.lwm2m.bootstrap.clients.ignored.servers[0].uri=coap://127.0.0.1:5783")
			.run((context) -> {
				assertThat(context.getBean(BootstrapConfigStore.class)).isSameAs(store);
				assertThat(store.getAll()).isEmpty();
			});
	}

	@Test
	void clientWithoutConfigurationIsToldSo() {
		this.runner.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0")
			.run((context) -> {
				try (Lwm2mTestClient client = Lwm2mTestClient.builder("stranger")
					.bootstrapServerUri("coap://127.0.0.1:" + bootstrapPort(context))
					.build()) {
					client.start();
					BootstrapEvents events = context.getBean(BootstrapEvents.class);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> events.steps().contains(Step.NO_CONFIG) || events.steps().contains(Step.FAILED));
					assertThat(events.events).anySatisfy((event) -> assertThat(event.getEndpoint()).isEqualTo("stranger"));
				}
			});
	}

	@Test
	void badConfigurationFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("coap.lwm2m.bootstrap.enabled=true", "coap.lwm2m.server.port=0",
					"coap.lwm2m.bootstrap.clients.bs-2.servers[0].uri=http://nowhere")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.bootstrap.clients.bs-2.servers[0].uri"));
	}

	private static int bootstrapPort(ApplicationContext context) {
		return context.getEnvironment()
			.getRequiredProperty(Lwm2mBootstrapServerLifecycle.PORT_PROPERTY, Integer.class);
	}

	private static int freePort() throws Exception {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static class BootstrapEvents implements ApplicationListener<Lwm2mBootstrapEvent> {

		final List<Lwm2mBootstrapEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(Lwm2mBootstrapEvent event) {
			this.events.add(event);
		}

		List<Step> steps() {
			return this.events.stream().map(Lwm2mBootstrapEvent::getStep).toList();
		}

	}

}
