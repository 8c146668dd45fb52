package io.coapspring.server.context;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.server.CoapPortInUseException;
import io.coapspring.server.CoapServerCustomizer;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for start-up with a CoAP port that another socket holds, and {@link CoapPortInUseFailureAnalyzer}.
 *
 * @author CoAP Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class CoapPortInUseFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class))
		.withInitializer(new CoapPortInfoApplicationContextInitializer());

	@Test
	void portInUseFailsStartUpWithAnAnalysisNamingThePortAndTheProperty() throws Exception {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
			int port = socket.getLocalPort();
			this.contextRunner.withPropertyValues("coap.server.port=" + port).run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).hasRootCauseInstanceOf(java.net.BindException.class);
				CoapPortInUseException portInUse = findCause(failure);
				assertThat(portInUse.getPort()).isEqualTo(port);
				assertThat(portInUse.getAddress().getAddress().isAnyLocalAddress()).isTrue();
				assertThat(portInUse.getMessage()).contains("UDP port " + port).contains("already in use");

				FailureAnalysis analysis = new CoapPortInUseFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("UDP port " + port + " is already in use");
				assertThat(analysis.getAction()).contains("UDP port " + port).contains("'coap.server.port'");
				assertThat(analysis.getCause()).isSameAs(portInUse);
			});
		}
	}

	@Test
	void portInUseOnTheBoundAddressFailsStartUp() throws Exception {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			int port = socket.getLocalPort();
			this.contextRunner.withPropertyValues("coap.server.port=" + port, "coap.server.address=127.0.0.1")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(findCause(context.getStartupFailure()).getPort()).isEqualTo(port);
				});
		}
	}

	@Test
	void portInUseOnAnyEndpointFailsStartUpAndStopsTheOthers() throws Exception {
		AtomicReference<CoapServer> customized = new AtomicReference<>();
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			int port = socket.getLocalPort();
			CoapServerCustomizer secondEndpoint = (server) -> {
				customized.set(server);
				server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(server.getConfig())
					.setInetSocketAddress(new InetSocketAddress("127.0.0.1", port))
					.build());
			};
			this.contextRunner.withPropertyValues("coap.server.port=0")
				.withBean(CoapServerCustomizer.class, () -> secondEndpoint)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(findCause(context.getStartupFailure()).getPort()).isEqualTo(port);
				});
		}
		assertThat(customized.get().getEndpoints()).hasSize(2)
			.allSatisfy((endpoint) -> assertThat(endpoint.isStarted()).isFalse());
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(new CoapPortInUseFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void springApplicationReportsTheAnalysis(CapturedOutput output) throws Exception {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0))) {
			int port = socket.getLocalPort();
			SpringApplicationBuilder application = new SpringApplicationBuilder(PortInUseApplication.class)
				.web(WebApplicationType.NONE)
				.registerShutdownHook(false)
				.properties("coap.server.port=" + port);
			assertThatException().isThrownBy(application::run).havingCause().isInstanceOf(CoapPortInUseException.class);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("UDP port " + port + " is already in use")
				.contains("'coap.server.port'");
		}
	}

	private static CoapPortInUseException findCause(Throwable failure) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (candidate instanceof CoapPortInUseException portInUse) {
				return portInUse;
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No CoapPortInUseException in " + failure);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PortInUseApplication {

	}

}
