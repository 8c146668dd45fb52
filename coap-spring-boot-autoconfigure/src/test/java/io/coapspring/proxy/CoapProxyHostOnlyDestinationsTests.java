package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;

import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proxy does not reach services that listen only on its host, over real sockets: a CoAP client, the proxy
 * application and origin servers on 127.0.0.1 that stand for such services. The allow-list is wide (every IPv4
 * address on every port, the name {@code localhost} on every port, {@code 127.0.0.1} on the default ports),
 * and still only the one explicitly listed loopback destination is reached.
 */
@SpringBootTest(classes = ProxyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "coap.proxy.enabled=true", "coap.proxy.http.enabled=true",
				"coap.proxy.timeout=1s" })
class CoapProxyHostOnlyDestinationsTests {

	private static OriginServer origin;

	private static HttpOrigin httpOrigin;

	private static CoapEndpoint client;

	@LocalCoapPort
	private int coapPort;

	@LocalServerPort
	private int httpPort;

	@DynamicPropertySource
	static void allowList(DynamicPropertyRegistry registry) throws Exception {
		startOrigins();
		registry.add("coap.proxy.allowed-destinations", () -> "127.0.0.1, localhost:*, 0.0.0.0/0:*, "
				+ "coap://127.0.0.1:" + origin.port());
	}

	private static synchronized void startOrigins() throws Exception {
		if (origin == null) {
			origin = new OriginServer();
			httpOrigin = new HttpOrigin();
		}
	}

	@BeforeAll
	static void startClient() throws Exception {
		startOrigins();
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		client = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build();
		client.start();
	}

	@AfterAll
	static void stopPeers() {
		client.destroy();
		origin.close();
		httpOrigin.close();
		origin = null;
		httpOrigin = null;
	}

	private Response send(String proxyUri) throws InterruptedException {
		Request request = new Request(Code.GET, Type.CON);
		request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", this.coapPort)));
		request.getOptions().setProxyUri(proxyUri);
		client.sendRequest(request);
		Response response = request.waitForResponse(10_000);
		assertThat(response).as("response to " + proxyUri).isNotNull();
		return response;
	}

	@Test
	void aLoopbackHttpServiceIsNotReachedThroughAWideRangeOrAHostOnlyEntry() throws Exception {
		int before = httpOrigin.received().size();
		Response response = send(httpOrigin.uri("/text"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(OriginServer.text(response)).contains("127.0.0.1")
			.contains("loopback")
			.contains("listed explicitly");
		assertThat(httpOrigin.received()).hasSize(before);
	}

	@Test
	void anAllowedNameThatResolvesToLoopbackIsRefused() throws Exception {
		int before = httpOrigin.received().size();
		String uri = httpOrigin.uri("/text").replace("127.0.0.1", "localhost");
		Response response = send(uri);
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(OriginServer.text(response)).contains("localhost").contains("loopback");
		assertThat(httpOrigin.received()).hasSize(before);
	}

	@Test
	void aHostOnlyEntryAllowsTheDefaultPortOnly() throws Exception {
		int before = origin.received().size();
		int otherPort = (origin.port() == 65535) ? 65534 : origin.port() + 1;
		Response response = send("coap://127.0.0.1:" + otherPort + "/hello");
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(origin.received()).hasSize(before);
	}

	@Test
	void theExplicitlyListedLoopbackDestinationIsReached() throws Exception {
		Response response = send(origin.uri("/hello"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		Response byName = send(origin.uri("/hello").replace("127.0.0.1", "localhost"));
		assertThat(byName.getCode()).as("localhost resolves to the listed address (and perhaps ::1, not listed)")
			.isIn(ResponseCode.CONTENT, ResponseCode.FORBIDDEN);
	}

	@Test
	void thisHostsOwnAddressIsRefused() throws Exception {
		InetAddress own = ownIpv4Address();
		assumeTrue(own != null, "this host has no IPv4 address besides loopback and link-local");
		Response response = send("coap://" + own.getHostAddress() + ":" + origin.port() + "/hello");
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(OriginServer.text(response)).contains("this host itself");
	}

	@Test
	void shortenedIpv4FormsGetAClearDiagnostic() throws Exception {
		Response response = send("coap://127.1:" + origin.port() + "/hello");
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(OriginServer.text(response)).contains("'127.1'")
			.contains("shortened or numeric IPv4 form")
			.contains("four decimal numbers");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> gateway = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/coap/127.1/hello"))
					.timeout(Duration.ofSeconds(10))
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(gateway.statusCode()).isEqualTo(400);
		assertThat(gateway.body()).contains("four decimal numbers");
	}

	private static @Nullable InetAddress ownIpv4Address() throws Exception {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address.getAddress().length == 4 && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
					return address;
				}
			}
		}
		return null;
	}

}
