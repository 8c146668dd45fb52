package io.coapspring.oscore;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import io.coapspring.autoconfigure.CoapProxyAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.oscore.OscoreServerEndToEndTests.Device;
import io.coapspring.oscore.OscoreServerEndToEndTests.DeviceConfiguration;
import io.coapspring.oscore.OscoreServerEndToEndTests.Peer;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OSCORE through the starter's forward proxy, which has no OSCORE context: it forwards the protected request it
 * cannot read (the OSCORE option is safe to forward), and the protected response comes back intact.
 */
class OscoreThroughProxyTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CoapAutoConfiguration.class,
			CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
			CoapOscoreAutoConfiguration.class, CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class,
			CoapProxyAutoConfiguration.class);

	@Test
	void protectedPostThroughTheProxyReachesTheOriginAndItsAnswerComesBack() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withUserConfiguration(DeviceConfiguration.class)
			.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1", "coap.oscore.enabled=true",
					"coap.oscore.contexts.client-a.master-secret=" + OscoreServerEndToEndTests.SECRET,
					"coap.oscore.contexts.client-a.master-salt=" + OscoreServerEndToEndTests.SALT,
					"coap.oscore.contexts.client-a.sender-id=01", "coap.oscore.contexts.client-a.recipient-id=0a",
					"coap.oscore.contexts.client-a.id-context=37cb")
			.run((origin) -> {
				int originPort = origin.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
				new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
					.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1", "coap.proxy.enabled=true",
							"coap.proxy.allowed-destinations=coap://127.0.0.1:" + originPort)
					.run((proxy) -> {
						Peer peer = new Peer(origin, OscoreServerEndToEndTests.SECRET);
						int proxyPort = proxy.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
						Response response = peer.exchangeThrough(proxyPort, Code.POST, "/echo", "via proxy", 0x300);
						assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
						assertThat(response.getPayloadString()).isEqualTo("echo via proxy");
						assertThat(origin.getBean(Device.class).echoes).hasValue(1);
					});
			});
	}

}
