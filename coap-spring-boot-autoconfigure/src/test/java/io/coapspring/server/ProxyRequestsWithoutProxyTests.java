package io.coapspring.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that is not a proxy answers requests carrying Proxy-Uri or Proxy-Scheme with 5.05 Proxying Not
 * Supported (RFC 7252 section 5.7.2) rather than serving them from its resource tree, whose root would
 * otherwise answer.
 */
class ProxyRequestsWithoutProxyTests {

	private final Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
			SystemConfig.DEFINITIONS);

	private CoapServer server;

	private CoapEndpoint client;

	@BeforeEach
	void start() throws Exception {
		CoapServerFactory factory = new CoapServerFactory(this.configuration, new CoapRequestGate());
		factory.setRequestRouters(List.of((exchange) -> null));
		this.server = factory.createServer(InetAddress.getLoopbackAddress(), 0);
		this.server.add(new CoapResource("hello") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("world");
			}

		});
		this.server.start();
		this.client = new CoapEndpoint.Builder().setConfiguration(this.configuration)
			.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.build();
		this.client.start();
	}

	@AfterEach
	void stop() {
		this.client.destroy();
		this.server.destroy();
	}

	private Response send(Request request) throws InterruptedException {
		int port = this.server.getEndpoints().get(0).getAddress().getPort();
		request.setDestinationContext(
				new AddressEndpointContext(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
		this.client.sendRequest(request);
		Response response = request.waitForResponse(5000);
		assertThat(response).isNotNull();
		return response;
	}

	@Test
	void proxyUriIsProxyingNotSupported() throws Exception {
		Request request = new Request(Code.GET, Type.CON);
		request.getOptions().setProxyUri("coap://127.0.0.1:9/hello");
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.PROXY_NOT_SUPPORTED);
		assertThat(response.getPayloadString()).isEqualTo("This server is not a proxy");
	}

	@Test
	void proxySchemeIsProxyingNotSupported() throws Exception {
		Request request = new Request(Code.GET, Type.CON);
		request.getOptions().setProxyScheme("coap").setUriPath("hello");
		assertThat(send(request).getCode()).isEqualTo(ResponseCode.PROXY_NOT_SUPPORTED);
	}

	@Test
	void otherRequestsReachTheResourceTree() throws Exception {
		Request request = new Request(Code.GET, Type.CON);
		request.getOptions().setUriPath("hello");
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getPayloadString()).isEqualTo("world");
	}

}
