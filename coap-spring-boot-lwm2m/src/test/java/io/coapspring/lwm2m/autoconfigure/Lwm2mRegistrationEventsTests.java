package io.coapspring.lwm2m.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistrationUpdatedEvent;
import io.coapspring.lwm2m.server.Lwm2mRegistrationLimits;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * End to end: a real Leshan client in process registers, updates and deregisters with the auto-configured server,
 * and the application sees each step as a Spring event.
 */
class Lwm2mRegistrationEventsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0")
		.withBean(EventCollector.class);

	@Test
	void registerUpdateDeregisterArePublishedAsEvents() {
		this.runner.run((context) -> {
			EventCollector events = context.getBean(EventCollector.class);
			try (Lwm2mTestClient client = client(context, "events-1").device("ACME", "M7", "SN-7").build()) {
				client.start();
				String id = client.awaitRegistered(Duration.ofSeconds(10));
				await().atMost(Duration.ofSeconds(10)).until(() -> events.of(Lwm2mRegisteredEvent.class).size() == 1);
				Lwm2mRegisteredEvent registered = events.of(Lwm2mRegisteredEvent.class).get(0);
				assertThat(registered.getEndpoint()).isEqualTo("events-1");
				assertThat(id).endsWith("/" + registered.getRegistration().registrationId());
				assertThat(registered.getRegistration().objectLinks()).contains("/3/0");
				assertThat(registered.getRegistration().address().getAddress().isLoopbackAddress()).isTrue();
				assertThat(registered.getRegistration().lifetime()).isEqualTo(Duration.ofMinutes(5));
				Lwm2mOperations operations = context.getBean(Lwm2mOperations.class);
				assertThat(operations.getRegistration("events-1")).isPresent();
				assertThat(operations.getRegistrations()).hasSize(1);

				client.triggerUpdate();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !events.of(Lwm2mRegistrationUpdatedEvent.class).isEmpty());
				assertThat(events.of(Lwm2mRegistrationUpdatedEvent.class).get(0).getEndpoint()).isEqualTo("events-1");

				client.stop(true);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !events.of(Lwm2mDeregisteredEvent.class).isEmpty());
				Lwm2mDeregisteredEvent deregistered = events.of(Lwm2mDeregisteredEvent.class).get(0);
				assertThat(deregistered.isExpired()).isFalse();
				assertThat(operations.getRegistration("events-1")).isEmpty();
				assertThat(context.getBean(Lwm2mRegistrationLimits.class).getRegistrationCount()).isZero();
			}
		});
	}

	@Test
	void listenerMayReadSynchronouslyEvenWithOneProtocolThread() {
		org.eclipse.californium.elements.config.Configuration shared = new org.eclipse.californium.elements.config.Configuration(
				org.eclipse.californium.core.config.CoapConfig.DEFINITIONS,
				org.eclipse.californium.elements.config.UdpConfig.DEFINITIONS);
		shared.set(org.eclipse.californium.core.config.CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
		java.util.concurrent.atomic.AtomicReference<Object> read = new java.util.concurrent.atomic.AtomicReference<>();
		this.runner.withBean("coapConfiguration", org.eclipse.californium.elements.config.Configuration.class, () -> shared)
			.run((context) -> {
				Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
				org.springframework.context.ConfigurableApplicationContext configurable = (org.springframework.context.ConfigurableApplicationContext) context
					.getSourceApplicationContext();
				configurable.addApplicationListener((ApplicationListener<Lwm2mRegisteredEvent>) (event) -> {
					try {
						read.set(lwm2m.read(event.getEndpoint(), "/3/0/0").value());
					}
					catch (RuntimeException ex) {
						read.set(ex);
					}
				});
				try (Lwm2mTestClient client = client(context, "sync-reader").device("Sync Co", "M", "S").build()) {
					client.start();
					client.awaitRegistered(Duration.ofSeconds(10));
					await().atMost(Duration.ofSeconds(15)).until(() -> read.get() != null);
					assertThat(read.get()).isEqualTo("Sync Co");
				}
			});
	}

	@Test
	void silentClientExpiresWithExpiryAsTheCause() {
		this.runner.run((context) -> {
			EventCollector events = context.getBean(EventCollector.class);
			Lwm2mTestClient client = client(context, "expiring").lifetime(Duration.ofSeconds(1)).build();
			client.start();
			client.awaitRegistered(Duration.ofSeconds(10));
			client.close();
			await().atMost(Duration.ofSeconds(20)).until(() -> !events.of(Lwm2mDeregisteredEvent.class).isEmpty());
			assertThat(events.of(Lwm2mDeregisteredEvent.class).get(0).isExpired()).isTrue();
		});
	}

	@Test
	void registrationsBeyondTheBoundAreRefused() {
		this.runner.withPropertyValues("coap.lwm2m.server.registration.max-registrations=1").run((context) -> {
			try (Lwm2mTestClient first = client(context, "first").build();
					Lwm2mTestClient second = client(context, "second").build()) {
				first.start();
				first.awaitRegistered(Duration.ofSeconds(10));
				second.start();
				assertThatIllegalStateException().isThrownBy(() -> second.awaitRegistered(Duration.ofSeconds(10)))
					.withMessageContaining("FORBIDDEN");
				Lwm2mRegistrationLimits limits = context.getBean(Lwm2mRegistrationLimits.class);
				assertThat(limits.getRegistrationCount()).isEqualTo(1);
				assertThat(limits.getRefusedCount()).isPositive();
				assertThat(context.getBean(Lwm2mOperations.class).getRegistrations()).hasSize(1);
			}
		});
	}

	@Test
	void absurdLifetimeIsRefused() {
		this.runner.withPropertyValues("coap.lwm2m.server.registration.max-lifetime=1h").run((context) -> {
			try (Lwm2mTestClient client = client(context, "long-lived").lifetime(Duration.ofDays(400)).build()) {
				client.start();
				assertThatIllegalStateException().isThrownBy(() -> client.awaitRegistered(Duration.ofSeconds(10)))
					.withMessageContaining("FORBIDDEN");
				assertThat(context.getBean(Lwm2mOperations.class).getRegistrations()).isEmpty();
			}
		});
	}

	@Test
	void dtlsWithAPreSharedKeyBindsTheEndpointNameToTheIdentity() {
		this.runner
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.psk.secure-1.identity=secure-1-id",
					"coap.lwm2m.server.dtls.psk.secure-1.key=00112233445566778899aabbccddeeff")
			.run((context) -> {
				byte[] key = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
				assertRegistersAndAnswers(context, "secure-1", dtlsClient(context, "secure-1").psk("secure-1-id", key));
				assertRefused(dtlsClient(context, "secure-2").psk("secure-1-id", key));
			});
	}

	@Test
	void x509ClientsAuthenticateWithTheirCertificateAgainstTheServersSslBundle() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.ssl-bundle=lwm2m", "coap.lwm2m.server.dtls.x509-clients=device-7",
					"spring.ssl.bundle.pem.lwm2m.keystore.certificate=classpath:dtls/server.pem",
					"spring.ssl.bundle.pem.lwm2m.keystore.private-key=classpath:dtls/server-key.pem",
					"spring.ssl.bundle.pem.lwm2m.truststore.certificate=classpath:dtls/ca.pem")
			.run((context) -> {
				byte[] certificate = pem("dtls/client.pem").getCertificates().get(0).getEncoded();
				byte[] key = pem("dtls/client-key.pem").getPrivateKey().getEncoded();
				byte[] server = pem("dtls/server.pem").getCertificates().get(0).getEncoded();
				assertRegistersAndAnswers(context, "device-7", dtlsClient(context, "device-7").x509(certificate, key, server));
				assertRefused(dtlsClient(context, "device-8").x509(certificate, key, server));
			});
	}

	@Test
	void rawPublicKeyClientsFromPropertiesAuthenticateWithTheirKey() throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
		generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		java.security.KeyPair device = generator.generateKeyPair();
		java.security.KeyPair stranger = generator.generateKeyPair();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(device.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----";
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.ssl-bundle=lwm2m",
					"coap.lwm2m.server.dtls.rpk-clients.rpk-1="
							+ java.util.Base64.getEncoder().encodeToString(device.getPublic().getEncoded()),
					"coap.lwm2m.server.dtls.rpk-clients.rpk-2=" + pem,
					"spring.ssl.bundle.pem.lwm2m.keystore.certificate=classpath:dtls/server.pem",
					"spring.ssl.bundle.pem.lwm2m.keystore.private-key=classpath:dtls/server-key.pem")
			.run((context) -> {
				byte[] server = pem("dtls/server.pem").getCertificates().get(0).getPublicKey().getEncoded();
				for (String endpoint : List.of("rpk-1", "rpk-2")) {
					assertRegistersAndAnswers(context, endpoint, dtlsClient(context, endpoint)
						.rpk(device.getPublic().getEncoded(), device.getPrivate().getEncoded(), server));
				}
				assertRefused(dtlsClient(context, "rpk-1")
					.rpk(stranger.getPublic().getEncoded(), stranger.getPrivate().getEncoded(), server));
			});
	}

	private static Lwm2mTestClient.Builder dtlsClient(ApplicationContext context, String endpoint) {
		int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.DTLS_PORT_PROPERTY, Integer.class);
		return Lwm2mTestClient.builder(endpoint).serverUri("coaps://127.0.0.1:" + port);
	}

	private static void assertRegistersAndAnswers(ApplicationContext context, String endpoint,
			Lwm2mTestClient.Builder builder) {
		try (Lwm2mTestClient client = builder.build()) {
			client.start();
			client.awaitRegistered(Duration.ofSeconds(15));
			assertThat(context.getBean(Lwm2mOperations.class).read(endpoint, "/3/0/0").asString()).isNotEmpty();
		}
	}

	private static void assertRefused(Lwm2mTestClient.Builder builder) {
		try (Lwm2mTestClient impostor = builder.build()) {
			impostor.start();
			assertThatIllegalStateException().isThrownBy(() -> impostor.awaitRegistered(Duration.ofSeconds(10)))
				.withMessageContaining("FORBIDDEN");
		}
	}

	@Test
	void badRawPublicKeyOrNoServerKeyFailsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.rpk-clients.rpk-1=bm90IGEga2V5")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.dtls.rpk-clients")
				.hasMessageContaining("coap.lwm2m.server.dtls.ssl-bundle"));
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.ssl-bundle=lwm2m", "coap.lwm2m.server.dtls.rpk-clients.rpk-1=bm90IGEga2V5",
					"spring.ssl.bundle.pem.lwm2m.keystore.certificate=classpath:dtls/server.pem",
					"spring.ssl.bundle.pem.lwm2m.keystore.private-key=classpath:dtls/server-key.pem")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.dtls.rpk-clients.rpk-1")
				.hasMessageContaining("is not a DER SubjectPublicKeyInfo"));
	}

	@Test
	void missingSslBundleFailsStartUpNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.ssl-bundle=missing")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("coap.lwm2m.server.dtls.ssl-bundle"));
	}

	private static PemContent pem(String location) throws java.io.IOException {
		return PemContent.load(new ClassPathResource(location).getInputStream());
	}

	@Test
	void unsecuredRegistrationOfAnEndpointWithAKeyIsRefused() {
		this.runner
			.withPropertyValues("coap.lwm2m.server.dtls.enabled=true", "coap.lwm2m.server.dtls.port=0",
					"coap.lwm2m.server.dtls.psk.secure-1.identity=secure-1-id",
					"coap.lwm2m.server.dtls.psk.secure-1.key=00112233445566778899aabbccddeeff")
			.run((context) -> {
				try (Lwm2mTestClient plain = client(context, "secure-1").build()) {
					plain.start();
					assertThatIllegalStateException().isThrownBy(() -> plain.awaitRegistered(Duration.ofSeconds(10)))
						.withMessageContaining("FORBIDDEN");
				}
			});
	}

	@Test
	void authorizerBeanDecidesWhoMayRegister() {
		this.runner
			.withBean(org.eclipse.leshan.server.security.Authorizer.class,
					() -> (request, registration, sender) -> registration.getEndpoint().startsWith("allowed-")
							? org.eclipse.leshan.server.security.Authorization.approved()
							: org.eclipse.leshan.server.security.Authorization.declined())
			.run((context) -> {
				try (Lwm2mTestClient allowed = client(context, "allowed-1").build();
						Lwm2mTestClient refused = client(context, "other-1").build()) {
					allowed.start();
					allowed.awaitRegistered(Duration.ofSeconds(10));
					refused.start();
					assertThatIllegalStateException().isThrownBy(() -> refused.awaitRegistered(Duration.ofSeconds(10)))
						.withMessageContaining("FORBIDDEN");
				}
			});
	}

	static Lwm2mTestClient.Builder client(ApplicationContext context, String endpoint) {
		int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		return Lwm2mTestClient.builder(endpoint).serverUri("coap://127.0.0.1:" + port);
	}

	static class EventCollector implements ApplicationListener<Lwm2mEvent> {

		final List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(Lwm2mEvent event) {
			this.events.add(event);
		}

		<T extends Lwm2mEvent> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
