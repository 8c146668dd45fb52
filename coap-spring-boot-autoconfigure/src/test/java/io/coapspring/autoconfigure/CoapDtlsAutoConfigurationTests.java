package io.coapspring.autoconfigure;

import java.net.URI;
import java.util.List;

import io.coapspring.security.CoapPskStore;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.dtls.CoapDtlsConnectorConfigCustomizer;
import io.coapspring.server.dtls.DtlsServerEndpointFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.Configuration.ModuleDefinitionsProvider;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapDtlsAutoConfiguration}: conditions, the mapping of {@code coap.server.dtls.*}, and
 * every start-up failure message.
 */
class CoapDtlsAutoConfigurationTests {

	private static final String[] BUNDLE = { "spring.ssl.bundle.pem.srv.keystore.certificate=classpath:dtls/server.pem",
			"spring.ssl.bundle.pem.srv.keystore.private-key=classpath:dtls/server-key.pem",
			"spring.ssl.bundle.pem.srv.truststore.certificate=classpath:dtls/ca.pem" };

	private static final String[] BUNDLE_WITHOUT_TRUST = {
			"spring.ssl.bundle.pem.srv.keystore.certificate=classpath:dtls/server.pem",
			"spring.ssl.bundle.pem.srv.keystore.private-key=classpath:dtls/server-key.pem" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapDtlsAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.dtls.port=0");

	private final ApplicationContextRunner pskRunner = this.runner.withPropertyValues("coap.server.dtls.enabled=true",
			"coap.server.dtls.psk.identities.dev=secret");

	@Test
	void dtlsIsOffByDefaultButItsDefinitionsAreInTheConfiguration() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DtlsConnectorConfig.class);
			assertThat(context).doesNotHaveBean(DtlsServerEndpointFactory.class);
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap");
			Configuration configuration = context.getBean(Configuration.class);
			assertThat(configuration.get(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST)).isTrue();
		});
	}

	@Test
	void withoutScandiumAndDtlsOffTheServerRunsPlain() {
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.californium.scandium")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ModuleDefinitionsProvider.class);
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap");
		});
	}

	@Test
	void withoutScandiumEnablingDtlsFailsNamingTheDependency() {
		this.pskRunner.withClassLoader(new FilteredClassLoader("org.eclipse.californium.scandium"))
			.run(failsWith("coap.server.dtls.enabled", "add the dependency 'org.eclipse.californium:scandium'"));
	}

	@Test
	void pskPropertiesGiveADtlsEndpointNextToThePlainOne() {
		this.pskRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap", "coaps");
			DtlsConnectorConfig config = context.getBean(DtlsConnectorConfig.class);
			assertThat(config.getDtlsRole()).isEqualTo(DtlsRole.SERVER_ONLY);
			assertThat(config.get(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST)).isTrue();
			assertThat(config.getSupportedCipherSuites()).isNotEmpty().allMatch(CipherSuite::isPskBased);
			assertThat(config.getCertificateIdentityProvider()).isNull();
			assertThat(secret(config, "dev")).isEqualTo("secret".getBytes());
			assertThat(secret(config, "other")).isNull();
		});
	}

	@Test
	void serverPropertiesDoNotLeakIntoTheSharedConfiguration() {
		this.pskRunner.withPropertyValues("coap.server.dtls.session.max-connections=42").run((context) -> {
			Configuration shared = context.getBean(Configuration.class);
			assertThat(shared.get(DtlsConfig.DTLS_ROLE)).isEqualTo(DtlsRole.BOTH);
			assertThat(shared.get(DtlsConfig.DTLS_MAX_CONNECTIONS)).isEqualTo(DtlsConfig.DEFAULT_MAX_CONNECTIONS);
			assertThat(context.getBean(DtlsConnectorConfig.class).getMaxConnections()).isEqualTo(42);
		});
	}

	@Test
	void handshakeSessionAndConnectorPropertiesAreApplied() {
		this.pskRunner
			.withPropertyValues("coap.server.dtls.handshake.retransmission-timeout=3s",
					"coap.server.dtls.handshake.max-retransmission-timeout=30s",
					"coap.server.dtls.handshake.max-retransmissions=6",
					"coap.server.dtls.handshake.max-pending-results=77", "coap.server.dtls.session.max-connections=1000",
					"coap.server.dtls.session.stale-connection-threshold=5m",
					"coap.server.dtls.session.resumption=false", "coap.server.dtls.connection-id-length=6",
					"coap.server.dtls.max-transmission-unit=1200B", "coap.server.dtls.connector-threads=3",
					"coap.server.dtls.receiver-threads=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DtlsConnectorConfig config = context.getBean(DtlsConnectorConfig.class);
				assertThat(config.getRetransmissionTimeout()).isEqualTo(3000);
				assertThat(config.getMaxRetransmissionTimeout()).isEqualTo(30000);
				assertThat(config.getMaxRetransmissions()).isEqualTo(6);
				assertThat(config.get(DtlsConfig.DTLS_MAX_PENDING_HANDSHAKE_RESULT_JOBS)).isEqualTo(77);
				assertThat(config.getMaxConnections()).isEqualTo(1000);
				assertThat(config.getStaleConnectionThresholdSeconds()).isEqualTo(300);
				assertThat(config.get(DtlsConfig.DTLS_SERVER_USE_SESSION_ID)).isFalse();
				assertThat(config.getConnectionIdGenerator()).isNotNull();
				assertThat(config.getConnectionIdGenerator().useConnectionId()).isTrue();
				assertThat(config.getMaxTransmissionUnit()).isEqualTo(1200);
				assertThat(config.getConnectorThreadCount()).isEqualTo(3);
				assertThat(config.getReceiverThreadCount()).isEqualTo(2);
			});
	}

	@Test
	void connectionIdsAreOffUnlessConfigured() {
		this.pskRunner.run((context) -> assertThat(context.getBean(DtlsConnectorConfig.class).getConnectionIdGenerator())
			.isNull());
	}

	@Test
	void explicitCipherSuitesAreUsed() {
		this.pskRunner.withPropertyValues("coap.server.dtls.cipher-suites=TLS_PSK_WITH_AES_128_CCM_8")
			.run((context) -> assertThat(context.getBean(DtlsConnectorConfig.class).getSupportedCipherSuites())
				.containsExactly(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8));
	}

	@Test
	void notRecommendedCipherSuiteCanBeListedExplicitly() {
		this.pskRunner.withPropertyValues("coap.server.dtls.cipher-suites=TLS_PSK_WITH_AES_128_CBC_SHA256")
			.run((context) -> assertThat(context.getBean(DtlsConnectorConfig.class).getSupportedCipherSuites())
				.containsExactly(CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256));
	}

	@Test
	void pskStoreBeanIsUsed() {
		this.runner.withPropertyValues("coap.server.dtls.enabled=true")
			.withBean(CoapPskStore.class, () -> (identity) -> identity.equals("db-device") ? new byte[] { 1, 2, 3 } : null)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DtlsConnectorConfig config = context.getBean(DtlsConnectorConfig.class);
				assertThat(secret(config, "db-device")).containsExactly(1, 2, 3);
				assertThat(secret(config, "dev")).isNull();
			});
	}

	@Test
	void sslBundleGivesCertificateCipherSuitesAndClientVerification() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DtlsConnectorConfig config = context.getBean(DtlsConnectorConfig.class);
				assertThat(config.getCertificateIdentityProvider()).isNotNull();
				assertThat(config.getCertificateIdentityProvider().getSupportedCertificateTypes())
					.containsExactly(CertificateType.X_509);
				assertThat(config.getAdvancedCertificateVerifier()).isNotNull();
				assertThat(config.getAdvancedCertificateVerifier().getAcceptedIssuers()).hasSize(1);
				assertThat(config.getCertificateAuthenticationMode()).isEqualTo(CertificateAuthenticationMode.NEEDED);
				assertThat(config.getSupportedCipherSuites()).isNotEmpty()
					.allMatch(CipherSuite::requiresServerCertificateMessage);
				assertThat(config.getAdvancedPskStore()).isNull();
			});
	}

	@Test
	void clientAuthNoneNeedsNoTrust() {
		this.runner.withPropertyValues(BUNDLE_WITHOUT_TRUST)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.client-auth=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DtlsConnectorConfig config = context.getBean(DtlsConnectorConfig.class);
				assertThat(config.getCertificateAuthenticationMode()).isEqualTo(CertificateAuthenticationMode.NONE);
				assertThat(config.getAdvancedCertificateVerifier()).isNull();
			});
	}

	@Test
	void secureOnlyRunsNoPlainEndpoint() {
		this.pskRunner.withPropertyValues("coap.server.secure-only=true")
			.withInitializer(new CoapPortInfoApplicationContextInitializer())
			.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coaps");
			assertThat(context.getEnvironment().getProperty("local.coap.port")).isNull();
			assertThat(context.getEnvironment().getProperty("local.coap.dtls-port", Integer.class)).isPositive();
		});
	}

	@Test
	void customizerAndUserConfigWin() {
		CoapDtlsConnectorConfigCustomizer customizer = (builder) -> builder.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 7);
		this.pskRunner.withBean(CoapDtlsConnectorConfigCustomizer.class, () -> customizer)
			.run((context) -> assertThat(context.getBean(DtlsConnectorConfig.class).getMaxConnections()).isEqualTo(7));
		DtlsConnectorConfig own = DtlsConnectorConfig.builder(new Configuration(DtlsConfig.DEFINITIONS))
			.setAdvancedPskStore(new AdvancedSinglePskStore("a", new byte[] { 1 }))
			.build();
		this.pskRunner.withBean(DtlsConnectorConfig.class, () -> own)
			.run((context) -> assertThat(context.getBean(DtlsConnectorConfig.class)).isSameAs(own));
	}

	@Test
	void disabledServerHasNoDtls() {
		this.pskRunner.withPropertyValues("coap.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DtlsConnectorConfig.class);
			assertThat(context).doesNotHaveBean(CoapServer.class);
		});
	}

	// start-up failures, each naming the property to change

	@Test
	void noCredentialsFails() {
		this.runner.withPropertyValues("coap.server.dtls.enabled=true")
			.run(failsWith("coap.server.dtls.psk.identities", "DTLS is enabled but has no credentials"));
	}

	@Test
	void unknownSslBundleFails() {
		this.runner.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=missing")
			.run(failsWith("coap.server.dtls.ssl-bundle", "no SSL bundle of that name"));
	}

	@Test
	void bundleWithoutKeyFails() {
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.trustonly.truststore.certificate=classpath:dtls/ca.pem",
					"coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=trustonly")
			.run(failsWith("coap.server.dtls.ssl-bundle", "no key store"));
	}

	@Test
	void clientAuthWithoutTrustFails() {
		this.runner.withPropertyValues(BUNDLE_WITHOUT_TRUST)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv")
			.run(failsWith("coap.server.dtls.client-auth", "client authentication needs trusted client credentials"));
	}

	@Test
	void unknownCipherSuiteFails() {
		this.pskRunner.withPropertyValues("coap.server.dtls.cipher-suites=TLS_NOT_A_SUITE")
			.run(failsWith("coap.server.dtls.cipher-suites", "unknown cipher suite"));
	}

	@Test
	void pskCipherSuiteWithoutKeysFails() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.cipher-suites=TLS_PSK_WITH_AES_128_CCM_8,TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8")
			.run(failsWith("coap.server.dtls.cipher-suites", "a PSK cipher suite needs pre-shared keys"));
	}

	@Test
	void certificateCipherSuiteWithoutBundleFails() {
		this.pskRunner
			.withPropertyValues(
					"coap.server.dtls.cipher-suites=TLS_PSK_WITH_AES_128_CCM_8,TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8")
			.run(failsWith("coap.server.dtls.cipher-suites", "needs the server's key and certificate"));
	}

	@Test
	void cipherSuiteForAnotherKeyTypeFails() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
			.run(failsWith("coap.server.dtls.cipher-suites", "needs an RSA key, but SSL bundle 'srv' holds a EC key"));
	}

	@Test
	void cipherSuitesLeavingConfiguredKeysUnusedFail() {
		this.pskRunner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.cipher-suites=TLS_PSK_WITH_AES_128_CCM_8")
			.run(failsWith("coap.server.dtls.cipher-suites", "no certificate-based"));
	}

	@Test
	void invalidBase64SecretFails() {
		this.runner.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.psk.identities.dev=base64:!!")
			.run(failsWith("coap.server.dtls.psk.identities[dev]", "not valid Base64"));
	}

	@Test
	void emptySecretFails() {
		this.runner.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.psk.identities.dev=base64:")
			.run(failsWith("coap.server.dtls.psk.identities[dev]", "must not be empty"));
	}

	@Test
	void pskStoreBeanAndPropertiesTogetherFail() {
		this.pskRunner.withBean(CoapPskStore.class, () -> (identity) -> null)
			.run(failsWith("coap.server.dtls.psk.identities", "a CoapPskStore bean is defined too"));
	}

	@Test
	void secureOnlyWithoutDtlsFails() {
		this.runner.withPropertyValues("coap.server.secure-only=true")
			.run(failsWith("coap.server.secure-only", "set 'coap.server.dtls.enabled=true'"));
	}

	@Test
	void trustedKeysWithoutBundleFail() {
		this.pskRunner.withPropertyValues("coap.server.dtls.rpk.trusted-keys=classpath:dtls/rpk-client-pub.pem")
			.run(failsWith("coap.server.dtls.rpk.trusted-keys", "name an SSL bundle"));
	}

	@Test
	void trustedKeysWithoutRawPublicKeyTypeFail() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.rpk.trusted-keys=classpath:dtls/rpk-client-pub.pem")
			.run(failsWith("coap.server.dtls.certificate-types", "must include 'raw-public-key'"));
	}

	@Test
	void unreadableTrustedKeyFails() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.certificate-types=raw-public-key",
					"coap.server.dtls.rpk.trusted-keys=classpath:dtls/server.pem")
			.run(failsWith("coap.server.dtls.rpk.trusted-keys[0]", "no PEM '-----BEGIN PUBLIC KEY-----' block"));
	}

	@Test
	void emptyCertificateTypesFail() {
		this.runner.withPropertyValues(BUNDLE)
			.withPropertyValues("coap.server.dtls.enabled=true", "coap.server.dtls.ssl-bundle=srv",
					"coap.server.dtls.certificate-types=")
			.run(failsWith("coap.server.dtls.certificate-types", "name at least one"));
	}

	@Test
	void samePortForBothEndpointsFails() {
		this.pskRunner.withPropertyValues("coap.server.port=5999", "coap.server.dtls.port=5999")
			.run(failsWith("coap.server.dtls.port", "must differ from 'coap.server.port'"));
	}

	@Test
	void outOfRangeConnectionIdLengthFails() {
		this.pskRunner.withPropertyValues("coap.server.dtls.connection-id-length=33")
			.run(failsWith("coap.server.dtls.connection-id-length", "must be between 0 and 32"));
	}

	@Test
	void maxRetransmissionTimeoutBelowInitialFails() {
		this.pskRunner
			.withPropertyValues("coap.server.dtls.handshake.retransmission-timeout=5s",
					"coap.server.dtls.handshake.max-retransmission-timeout=1s")
			.run(failsWith("coap.server.dtls.handshake.max-retransmission-timeout", "must not be less than"));
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String property, String reason) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property " + property + " with value")
				.hasMessageContaining(reason);
			assertThat(((InvalidConfigurationPropertyValueException) rootCause(context.getStartupFailure())).getName())
				.isEqualTo(property);
		};
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static List<String> schemes(CoapServer server) {
		return server.getEndpoints().stream().map(Endpoint::getUri).map(URI::getScheme).toList();
	}

	private static byte[] secret(DtlsConnectorConfig config, String identity) {
		PskSecretResult result = config.getAdvancedPskStore()
			.requestPskSecretResult(ConnectionId.EMPTY, null, new PskPublicInformation(identity), "HmacSHA256", null,
					null, false);
		return (result.getSecret() != null) ? result.getSecret().getEncoded() : null;
	}

}
