package io.coapspring.server.context;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;

import io.coapspring.server.CoapPortInUseException;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapPortInfoApplicationContextInitializer} and the port-in-use analysis of DTLS ports.
 */
class CoapPortInfoApplicationContextInitializerTests {

	private static final InetSocketAddress PLAIN = new InetSocketAddress("127.0.0.1", 15683);

	private static final InetSocketAddress SECURE = new InetSocketAddress("127.0.0.1", 15684);

	@Test
	void publishesPlainAndDtlsPorts() {
		GenericApplicationContext context = publish(new CoapServerStartedEvent(server(), List.of(PLAIN),
				List.of(SECURE)));
		assertThat(context.getEnvironment().getProperty("local.coap.port")).isEqualTo("15683");
		assertThat(context.getEnvironment().getProperty("local.coap.dtls-port")).isEqualTo("15684");
	}

	@Test
	void secureOnlyServerPublishesNoPlainPort() {
		GenericApplicationContext context = publish(new CoapServerStartedEvent(server(), List.of(),
				List.of(SECURE)));
		assertThat(context.getEnvironment().containsProperty("local.coap.port")).isFalse();
		assertThat(context.getEnvironment().getProperty("local.coap.dtls-port")).isEqualTo("15684");
	}

	@Test
	void plainServerPublishesNoDtlsPort() {
		CoapServerStartedEvent event = new CoapServerStartedEvent(server(), List.of(PLAIN));
		GenericApplicationContext context = publish(event);
		assertThat(context.getEnvironment().containsProperty("local.coap.dtls-port")).isFalse();
		assertThat(event.getSecurePort()).isEqualTo(-1);
		assertThat(event.getAddresses()).containsExactly(PLAIN);
	}

	@Test
	void dtlsPortInUseNamesTheDtlsProperty() {
		FailureAnalysis analysis = new CoapPortInUseFailureAnalyzer()
			.analyze(new CoapPortInUseException(SECURE, true, new BindException()));
		assertThat(analysis.getDescription()).contains("UDP port 15684 is already in use");
		assertThat(analysis.getAction()).contains("'coap.server.dtls.port'");
		FailureAnalysis plain = new CoapPortInUseFailureAnalyzer()
			.analyze(new CoapPortInUseException(PLAIN, new BindException()));
		assertThat(plain.getAction()).contains("'coap.server.port'");
	}

	private static CoapServer server() {
		return new CoapServer(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS));
	}

	private static GenericApplicationContext publish(CoapServerStartedEvent event) {
		GenericApplicationContext context = new GenericApplicationContext();
		new CoapPortInfoApplicationContextInitializer().initialize(context);
		context.refresh();
		try {
			context.publishEvent(event);
			return context;
		}
		finally {
			context.close();
		}
	}

}
