package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapOperations;
import io.coapspring.oscore.OscoreCounters;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.observe.CoapNotifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OSCORE (RFC 8613) with aiocoap 0.4.12, a peer nobody here wrote: aiocoap as client of the starter's server,
 * and as server of the {@code CoapTemplate}, with GET, POST and observe, each side with its own security context
 * and the starter's sender sequence numbers persisted to a directory.
 */
@SpringBootTest(classes = OscoreInteropTests.OscoreApplication.class,
		properties = { "coap.server.port=0", "coap.server.address=127.0.0.1", "spring.main.banner-mode=off",
				"coap.oscore.enabled=true",
				"coap.oscore.contexts.aiocoap-client.master-secret=" + OscoreInteropTests.CLIENT_SECRET,
				"coap.oscore.contexts.aiocoap-client.master-salt=" + OscoreInteropTests.SALT,
				"coap.oscore.contexts.aiocoap-client.sender-id=01", "coap.oscore.contexts.aiocoap-client.recipient-id=02",
				"coap.oscore.contexts.aiocoap-server.master-secret=base64:" + OscoreInteropTests.SERVER_SECRET_BASE64,
				"coap.oscore.contexts.aiocoap-server.master-salt=" + OscoreInteropTests.SALT,
				"coap.oscore.contexts.aiocoap-server.sender-id=03",
				"coap.oscore.contexts.aiocoap-server.recipient-id=04" })
class OscoreInteropTests {

	static final String CLIENT_SECRET = "0102030405060708090a0b0c0d0e0f10";

	/** 1112131415161718191a1b1c1d1e1f20 in base64, to read a secret written both ways. */
	static final String SERVER_SECRET_BASE64 = "ERITFBUWFxgZGhscHR4fIA==";

	static final String SALT = "9e7ca92223786340";

	private static final int AIOCOAP_PORT;

	private static final Path SEQUENCE_DIRECTORY;

	static {
		try {
			AIOCOAP_PORT = LibcoapPeerServer.freeUdpPort();
			SEQUENCE_DIRECTORY = Files.createTempDirectory("oscore-sequence-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void aiocoapServer(DynamicPropertyRegistry registry) {
		registry.add("coap.oscore.contexts.aiocoap-server.peer-uri", () -> "coap://127.0.0.1:" + AIOCOAP_PORT);
		registry.add("coap.oscore.sequence.directory", SEQUENCE_DIRECTORY::toString);
	}

	@LocalCoapPort
	int port;

	@Autowired
	CoapOperations coap;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	Device device;

	@Autowired
	OscoreCounters counters;

	@Test
	void aiocoapClientGetsPostsAndObservesProtected() {
		try (AiocoapOscorePeer client = AiocoapOscorePeer.client(
				new AiocoapOscorePeer.Context(CLIENT_SECRET, SALT, "02", "01"), "coap://127.0.0.1:" + this.port + "/*")) {
			String base = "coap://127.0.0.1:" + this.port;
			JsonNode get = client.call(Map.of("op", "request", "method", "GET", "uri", base + "/secret"));
			assertThat(get.path("code").asString()).as(client.log()).isEqualTo("2.05");
			assertThat(get.path("payload").asString()).isEqualTo("secret for 02 (OSCORE)");
			JsonNode post = client.call(Map.of("op", "request", "method", "POST", "uri", base + "/echo", "payload", "hi"));
			assertThat(post.path("code").asString()).isEqualTo("2.04");
			assertThat(post.path("payload").asString()).isEqualTo("echo hi");
			CompletableFuture<JsonNode> observed = CompletableFuture
				.supplyAsync(() -> client.call(Map.of("op", "observe", "uri", base + "/counter", "count", 3)));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
				this.device.counter.incrementAndGet();
				this.notifier.changed("/counter");
				return observed.isDone();
			});
			JsonNode observation = observed.join();
			assertThat(observation.path("code").asString()).as(observation.toString()).isEqualTo("2.05");
			List<Integer> values = observation.path("values").valueStream().map((v) -> Integer.parseInt(v.asString()))
				.toList();
			assertThat(values).hasSize(3).isSorted().doesNotHaveDuplicates();
			assertThat(this.counters.getReceived()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void coapTemplateGetsPostsAndObservesAiocoapServerProtected() {
		try (AiocoapOscorePeer server = AiocoapOscorePeer
			.server(new AiocoapOscorePeer.Context("1112131415161718191a1b1c1d1e1f20", SALT, "04", "03"), AIOCOAP_PORT)) {
			String base = "coap://127.0.0.1:" + AIOCOAP_PORT;
			assertThat(this.coap.getForObject(base + "/hello", String.class)).as(server.log())
				.isEqualTo("hello from aiocoap over OSCORE");
			assertThat(this.coap.postForObject(base + "/echo", "hi", String.class)).isEqualTo("echo hi over OSCORE");
			List<String> values = new CopyOnWriteArrayList<>();
			CoapObservation<String> observation = this.coap.observe(base + "/obs", String.class, values::add);
			try {
				await().atMost(Duration.ofSeconds(20)).until(() -> values.size() >= 3);
			}
			finally {
				observation.cancel();
			}
			assertThat(values.stream().map(Integer::parseInt).toList()).isSorted().doesNotHaveDuplicates();
			assertThat(SEQUENCE_DIRECTORY.resolve("aiocoap-server.sequence")).exists();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class OscoreApplication {

		@Bean
		Device device() {
			return new Device();
		}

	}

	@CoapController
	static class Device {

		final AtomicInteger counter = new AtomicInteger();

		@CoapOscoreRequired
		@CoapGetMapping("/secret")
		String secret(CoapRequest request) {
			CoapPeerIdentity identity = request.getPeerIdentity();
			return "secret for " + identity.getName() + " (" + identity.getType() + ")";
		}

		@CoapOscoreRequired
		@CoapPostMapping("/echo")
		String echo(@CoapPayload String body) {
			return "echo " + body;
		}

		@CoapOscoreRequired
		@CoapGetMapping(path = "/counter", observable = true)
		String counter() {
			return String.valueOf(this.counter.get());
		}

	}

}
