package io.coapspring.proxy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.client.CoapClientEndpoints;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapProxyClient} against a destination that never answers: a UDP socket nobody reads.
 */
class CoapProxyClientTests {

	private DatagramSocket silent;

	@BeforeEach
	void bindSilentDestination() throws Exception {
		this.silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	}

	@AfterEach
	void closeSilentDestination() {
		this.silent.close();
	}

	private CoapProxyClient client(Duration timeout) {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		return new CoapProxyClient(
				new CoapClientEndpoints(configuration, StandardOptionRegistry.getDefaultOptionRegistry()), timeout);
	}

	private ProxyRequest request() {
		return new ProxyRequest(Code.GET, new ProxyTarget("coap", "127.0.0.1", this.silent.getLocalPort(),
				List.of("x"), List.of()), true, List.of(), new byte[0]);
	}

	@Test
	void noAnswerWithinTheTimeoutIsAGatewayTimeout() throws Exception {
		try (CoapProxyClient client = client(Duration.ofMillis(300))) {
			ProxyResponse response = client.send(request(), null).get(10, TimeUnit.SECONDS);
			assertThat(response.code()).isEqualTo(ResponseCode.GATEWAY_TIMEOUT);
			assertThat(new String(response.payload())).contains("within 300 ms");
		}
	}

	@Test
	void closingAnswersRequestsInFlight() throws Exception {
		CoapProxyClient client = client(Duration.ofMinutes(1));
		CompletableFuture<ProxyResponse> response = client.send(request(), InetAddress.getLoopbackAddress());
		assertThat(response).isNotDone();
		client.close();
		assertThat(response.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
	}

}
