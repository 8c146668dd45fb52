package io.coapspring.server;

import java.io.File;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of the auto-configured CoAP server over real UDP, on IPv4 and IPv6 loopback, with
 * Californium's own client.
 *
 * @author CoAP Spring Boot team
 */
@SpringBootTest(classes = CoapServerEndToEndTests.TestApplication.class, properties = "coap.server.port=0")
class CoapServerEndToEndTests {

	private static final long TIMEOUT_MILLIS = 5_000;

	@LocalCoapPort
	private int port;

	@Autowired
	private CoapServer server;

	@Autowired
	private CoapRequestGate gate;

	private CoapEndpoint clientEndpoint;

	@BeforeEach
	void createClientEndpoint() {
		// Never Californium's static default endpoint nor Configuration.getStandard(): it writes a file
		this.clientEndpoint = new CoapEndpoint.Builder()
			.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS))
			.build();
	}

	@AfterEach
	void destroyClientEndpoint() {
		this.clientEndpoint.destroy();
	}

	@Test
	void localCoapPortIsTheBoundPort() {
		assertThat(this.port).isPositive();
		assertThat(this.server.getEndpoints()).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint.getAddress().getPort()).isEqualTo(this.port));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void getIsAnsweredByTheResourceBean(String host) throws Exception {
		CoapClient client = client(host, "/greeting?name=Ada");
		try {
			CoapResponse response = client.get();
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
			assertThat(response.getResponseText()).isEqualTo("Hello, Ada!");
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void nonConfirmableGetIsAnswered(String host) throws Exception {
		CoapClient client = client(host, "/greeting").useNONs();
		try {
			CoapResponse response = client.get();
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).isEqualTo("Hello, CoAP!");
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void postIsAnsweredByTheResourceBean(String host) throws Exception {
		CoapClient client = client(host, "/greeting");
		try {
			CoapResponse response = client.post("Grace", MediaTypeRegistry.TEXT_PLAIN);
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
			assertThat(response.getResponseText()).isEqualTo("Hello, Grace!");
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void largeResponseIsTransferredBlockWise(String host) throws Exception {
		AtomicInteger blocks = new AtomicInteger();
		this.clientEndpoint.addInterceptor(new MessageInterceptorAdapter() {

			@Override
			public void receiveResponse(Response response) {
				if (response.getOptions().hasBlock2()) {
					blocks.incrementAndGet();
				}
			}

		});
		CoapClient client = client(host, "/large");
		try {
			CoapResponse response = client.get();
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getPayload()).hasSize(LargeResource.SIZE);
			// 3000 bytes in blocks of the default preferred size, 512 bytes
			assertThat(blocks).hasValue(6);
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void unknownPathIsNotFound(String host) throws Exception {
		CoapClient client = client(host, "/missing");
		try {
			CoapResponse response = client.get();
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void resourceBeansAreDiscoverable(String host) throws Exception {
		CoapClient client = client(host, "");
		try {
			Set<WebLink> links = client.discover();
			assertThat(links).extracting(WebLink::getURI).contains("/greeting", "/large");
			assertThat(links).filteredOn((link) -> link.getURI().equals("/greeting"))
				.singleElement()
				.satisfies((link) -> assertThat(link.getAttributes().getTitle()).isEqualTo("Greeting"));
		}
		finally {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/greeting", "/separate", "/large" })
	void answeredExchangesAreNoLongerInFlight(String path) throws Exception {
		CoapClient client = client("127.0.0.1", path);
		try {
			for (int i = 0; i < 3; i++) {
				CoapResponse response = client.get();
				assertThat(response).isNotNull();
				assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			}
			CoapResponse nonConfirmable = client.useNONs().get();
			assertThat(nonConfirmable).isNotNull();
			assertThat(nonConfirmable.getCode()).isEqualTo(ResponseCode.CONTENT);
		}
		finally {
			client.shutdown();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.gate.inFlightCount() == 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "[::1]" })
	void separateResponseIsDelivered(String host) throws Exception {
		CoapClient client = client(host, "/separate");
		try {
			CoapResponse response = client.get();
			assertThat(response).isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).isEqualTo("later");
			assertThat(response.advanced().isConfirmable()).isTrue();
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void noCaliforniumPropertiesFileIsWritten() throws Exception {
		CoapClient client = client("127.0.0.1", "/greeting");
		try {
			assertThat(client.get()).isNotNull();
		}
		finally {
			client.shutdown();
		}
		File file = new File(System.getProperty("user.dir"), Configuration.DEFAULT_FILE_NAME);
		assertThat(file).as("Californium's standard configuration file in the working directory").doesNotExist();
	}

	private CoapClient client(String host, String pathAndQuery) {
		CoapClient client = new CoapClient("coap://" + host + ":" + this.port + pathAndQuery);
		client.setEndpoint(this.clientEndpoint);
		client.setTimeout(TIMEOUT_MILLIS);
		return client;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		GreetingResource greetingResource() {
			return new GreetingResource();
		}

		@Bean
		LargeResource largeResource() {
			return new LargeResource();
		}

		@Bean
		SeparateResource separateResource() {
			return new SeparateResource();
		}

	}

	static class GreetingResource extends CoapResource {

		GreetingResource() {
			super("greeting");
			getAttributes().setTitle("Greeting");
			getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			String name = exchange.getQueryParameter("name");
			exchange.respond(ResponseCode.CONTENT, "Hello, " + ((name != null) ? name : "CoAP") + "!",
					MediaTypeRegistry.TEXT_PLAIN);
		}

		@Override
		public void handlePOST(CoapExchange exchange) {
			exchange.respond(ResponseCode.CHANGED, "Hello, " + exchange.getRequestText() + "!",
					MediaTypeRegistry.TEXT_PLAIN);
		}

	}

	static class LargeResource extends CoapResource {

		static final int SIZE = 3000;

		LargeResource() {
			super("large");
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			exchange.respond(ResponseCode.CONTENT, "x".repeat(SIZE), MediaTypeRegistry.TEXT_PLAIN);
		}

	}

	/**
	 * Acknowledges the request with an empty ACK, then answers with a separate CON response.
	 */
	static class SeparateResource extends CoapResource {

		SeparateResource() {
			super("separate");
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			exchange.accept();
			exchange.respond(ResponseCode.CONTENT, "later", MediaTypeRegistry.TEXT_PLAIN);
		}

	}

}
