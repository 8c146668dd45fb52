package io.coapspring.oscore;

import java.net.DatagramSocket;
import java.net.InetAddress;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapOperations;
import io.coapspring.oscore.OscoreServerEndToEndTests.DeviceConfiguration;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code CoapTemplate} protects its requests to a peer that has a context with a {@code peer-uri}, and only
 * those: an application with a client context talks to an application with the matching server context.
 */
class OscoreTemplateTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CoapAutoConfiguration.class,
			CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
			CoapOscoreAutoConfiguration.class, CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class);

	@Test
	void requestsToTheConfiguredPeerAreProtectedAndOthersAreNot() throws Exception {
		int port;
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withUserConfiguration(DeviceConfiguration.class)
			.withPropertyValues("coap.server.port=" + port, "coap.server.address=127.0.0.1", "coap.oscore.enabled=true",
					"coap.oscore.contexts.client.master-secret=" + OscoreServerEndToEndTests.SECRET,
					"coap.oscore.contexts.client.sender-id=01", "coap.oscore.contexts.client.recipient-id=0c")
			.run((server) -> new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withPropertyValues("coap.server.enabled=false", "coap.oscore.enabled=true",
						"coap.oscore.contexts.server.master-secret=" + OscoreServerEndToEndTests.SECRET,
						"coap.oscore.contexts.server.sender-id=0c", "coap.oscore.contexts.server.recipient-id=01",
						"coap.oscore.contexts.server.peer-uri=coap://127.0.0.1:" + port)
				.run((client) -> {
					CoapOperations coap = client.getBean(CoapOperations.class);
					assertThat(coap.getForObject("coap://127.0.0.1:" + port + "/secret", String.class))
						.isEqualTo("secret for 0c (OSCORE)");
					assertThat(coap.postForObject("coap://127.0.0.1:" + port + "/echo", "hi", String.class))
						.isEqualTo("echo hi");
					// the same server by another address has no context: unprotected, refused
					assertThatExceptionOfType(CoapClientResponseException.class)
						.isThrownBy(() -> coap.getForObject("coap://localhost:" + port + "/secret", String.class))
						.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED));
					assertThat(coap.getForObject("coap://localhost:" + port + "/open", String.class)).isEqualTo("open");
				}));
	}



}
