package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import io.coapspring.transport.tcp.CoapTcpSignaling;
import io.coapspring.transport.tcp.TcpServerEndpointFactory;
import io.coapspring.transport.tcp.TlsServerEndpointFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapTcpAutoConfiguration}: conditions, the mapping of {@code coap.server.tcp.*} and the
 * start-up failure messages.
 */
class CoapTcpAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapTcpAutoConfiguration.class))
		.withPropertyValues("coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.port=0");

	@Test
	void tcpIsOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TcpServerEndpointFactory.class);
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap");
		});
	}

	@Test
	void enabledAddsATcpEndpointBesidesUdp() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap", "coap+tcp");
			CoapTcpSignaling signaling = context.getBean(TcpServerEndpointFactory.class).getSignaling();
			assertThat(signaling.getMaxMessageSize()).isEqualTo(1152);
			assertThat(signaling.isBlockWise()).isTrue();
			assertThat(signaling.getConnectionLimit().getMaxConnections()).isEqualTo(10000);
		});
	}

	@Test
	void propertiesAreMapped() {
		this.runner
			.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.max-message-size=64KB",
					"coap.server.tcp.max-connections=7", "coap.server.tcp.csm-timeout=3s")
			.run((context) -> {
				CoapTcpSignaling signaling = context.getBean(TcpServerEndpointFactory.class).getSignaling();
				assertThat(signaling.getMaxMessageSize()).isEqualTo(65536);
				assertThat(signaling.isBlockWise()).as("no BERT, so no Block-Wise-Transfer above 1152").isFalse();
				assertThat(signaling.getConnectionLimit().getMaxConnections()).isEqualTo(7);
				assertThat(signaling.getCsmTimeout()).hasSeconds(3);
				assertThat(signaling.getPingInterval()).hasSeconds(60);
				assertThat(signaling.getIdleTimeout()).as("with Pings, the signaling closes silent peers").hasMinutes(5);
			});
	}

	@Test
	void pingIntervalIsMappedAndZeroLeavesIdleConnectionsToCalifornium() {
		this.runner
			.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.ping-interval=20s",
					"coap.server.tcp.idle-timeout=90s")
			.run((context) -> {
				CoapTcpSignaling signaling = context.getBean(TcpServerEndpointFactory.class).getSignaling();
				assertThat(signaling.getPingInterval()).hasSeconds(20);
				assertThat(signaling.getIdleTimeout()).hasSeconds(90);
			});
		this.runner.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.ping-interval=0")
			.run((context) -> {
				CoapTcpSignaling signaling = context.getBean(TcpServerEndpointFactory.class).getSignaling();
				assertThat(signaling.getPingInterval()).isZero();
				assertThat(signaling.getIdleTimeout()).isZero();
			});
	}

	@Test
	void negativePingIntervalFailsNamingTheProperty() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.ping-interval=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tcp.ping-interval"));
	}

	@Test
	void withoutTheNettyConnectorTcpBacksOff() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.eclipse.californium.elements.tcp.netty"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TcpServerEndpointFactory.class);
			});
	}

	@Test
	void maxMessageSizeBelowTheRfcMinimumFailsNamingTheProperty() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.max-message-size=1000B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tcp.max-message-size")
				.hasMessageContaining("1152"));
	}

	@Test
	void maxConnectionsBelowOneFailsNamingTheProperty() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.max-connections=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tcp.max-connections"));
	}

	@Test
	void subSecondIdleTimeoutFailsNamingTheProperty() {
		this.runner.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.idle-timeout=100ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tcp.idle-timeout"));
	}

	@Test
	void tcpPortInUseFailsNamingTheTcpPort() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.runner
				.withPropertyValues("coap.server.tcp.enabled=true", "coap.server.tcp.port=" + taken.getLocalPort())
				.run((context) -> assertThat(context).getFailure()
					.hasStackTraceContaining("TCP port " + taken.getLocalPort() + " is already in use"));
		}
	}

	@Test
	void tlsWithAnSslBundleAddsACoapsTcpEndpoint() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.server.tls.enabled=true", "coap.server.tls.port=0",
					"coap.server.tls.ssl-bundle=srv", "coap.server.secure-only=true",
					"spring.ssl.bundle.pem.srv.keystore.certificate=classpath:dtls/server.pem",
					"spring.ssl.bundle.pem.srv.keystore.private-key=classpath:dtls/server-key.pem",
					"spring.ssl.bundle.pem.srv.truststore.certificate=classpath:dtls/ca.pem")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(TlsServerEndpointFactory.class);
				assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coaps+tcp");
			});
	}

	@Test
	void tlsWithoutSslBundleFailsNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.server.tls.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tls.ssl-bundle"));
	}

	@Test
	void tlsWithUnknownSslBundleFailsNamingTheProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("coap.server.tls.enabled=true", "coap.server.tls.ssl-bundle=nope")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("coap.server.tls.ssl-bundle")
				.hasMessageContaining("spring.ssl.bundle.pem.nope"));
	}

	private static List<String> schemes(CoapServer server) {
		return server.getEndpoints().stream().map(Endpoint::getUri).map((uri) -> uri.getScheme()).toList();
	}

}
