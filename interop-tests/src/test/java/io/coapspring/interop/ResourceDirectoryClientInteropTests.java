package io.coapspring.interop;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.rd.client.RdClientState;
import io.coapspring.rd.client.RdLookupClient;
import io.coapspring.rd.client.RdRegistrationClient;
import io.coapspring.server.discovery.CoapLinkInstances;
import io.coapspring.server.discovery.CoapLinksChangedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Resource Directory client (RFC 9176) against a directory nobody here wrote: aiocoap-rd 0.4.12. The
 * application finds aiocoap-rd's registration interface from its host alone, registers its own links, is found by
 * aiocoap-rd's lookups (through {@link RdLookupClient}), and removes itself on shutdown. aiocoap-rd runs on a free
 * loopback port and is stopped by its process handle; when it is missing the test is skipped (fails on CI).
 */
class ResourceDirectoryClientInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private Process aiocoapRd;

	private Path log;

	private int rdPort;

	private ConfigurableApplicationContext node;

	@BeforeEach
	void startAiocoapRd() throws IOException {
		Path executable = Peers.onPath("aiocoap-rd")
			.orElseGet(() -> Peers.missing("aiocoap-rd is not installed: install the Debian package python3-aiocoap "
					+ "(from bookworm-backports)"));
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
			this.rdPort = probe.getLocalPort();
		}
		this.log = Files.createTempFile("aiocoap-rd-", ".log");
		this.aiocoapRd = new ProcessBuilder(executable.toString(), "--bind", "127.0.0.1:" + this.rdPort)
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
	}

	@AfterEach
	void stop() throws IOException {
		if (this.node != null) {
			this.node.close();
		}
		this.aiocoapRd.destroy();
		try {
			if (!this.aiocoapRd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				this.aiocoapRd.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Files.deleteIfExists(this.log);
	}

	private String rd() {
		return "coap://127.0.0.1:" + this.rdPort;
	}

	@Test
	void registersWithAiocoapRdIsFoundByItsLookupsAndRemovesItself() throws IOException {
		this.node = new SpringApplicationBuilder(NodeApplication.class).web(WebApplicationType.NONE)
			.run("--coap.server.port=0", "--spring.main.banner-mode=off", "--coap.server.endpoint-name=spring-node",
					"--coap.rd.client.enabled=true", "--coap.rd.client.uri=" + rd(), "--coap.rd.client.lifetime=300",
					"--coap.rd.client.retry-interval=500ms");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(client.getState()).as(Files.readString(this.log))
				.isEqualTo(RdClientState.REGISTERED));
		// aiocoap-rd's own registration interface, found through its /.well-known/core
		assertThat(client.getLocation().toString()).startsWith(rd() + "/reg/");
		String nodePort = this.node.getEnvironment().getProperty("local.coap.port");

		CoapOperations coap = this.node.getBean(CoapOperations.class);
		RdLookupClient lookup = RdLookupClient.create(coap, rd());
		List<WebLink> thermometers = lookup.lookupResources("rt=temperature-c");
		assertThat(thermometers).singleElement()
			.satisfies((link) -> assertThat(link.getUri()).hasToString("coap://127.0.0.1:" + nodePort + "/temperature"));
		assertThat(coap.getForObject(thermometers.get(0).getUri(), String.class)).isEqualTo("21.5");
		List<WebLink> endpoints = lookup.lookupEndpoints("ep=spring-node");
		assertThat(endpoints).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getAttribute("base")).isEqualTo("coap://127.0.0.1:" + nodePort);
			assertThat(endpoint.getAttribute("ep")).isEqualTo("spring-node");
		});

		// changed links: aiocoap-rd refuses them in a POST update (it takes them with PUT), so the client registers
		// again, which replaces them
		Rooms rooms = this.node.getBean(Rooms.class);
		rooms.names.add("attic");
		this.node.publishEvent(new CoapLinksChangedEvent(rooms));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(lookup.lookupResources("rt=room")).as(Files.readString(this.log))
				.extracting((link) -> link.getUri().toString())
				.containsExactly("coap://127.0.0.1:" + nodePort + "/rooms/attic"));
		assertThat(lookup.lookupEndpoints("ep=spring-node")).hasSize(1);
		assertThat(lookup.lookupResources("rt=temperature-c")).hasSize(1);
		assertThat(client.getState()).isEqualTo(RdClientState.REGISTERED);

		// aiocoap's own client sees the registration, and sees it go on shutdown
		assertThat(aiocoapClient(rd() + "/endpoint-lookup/?ep=spring-node")).contains("ep=\"spring-node\"");
		this.node.close();
		this.node = null;
		assertThat(aiocoapClient(rd() + "/endpoint-lookup/?ep=spring-node")).doesNotContain("spring-node");
	}

	private static String aiocoapClient(String uri) {
		Path executable = Peers.onPath("aiocoap-client")
			.orElseGet(() -> Peers.missing("aiocoap-client is not installed: install the Debian package "
					+ "python3-aiocoap (from bookworm-backports)"));
		return ProcessOutput.run(List.of(executable.toString(), uri), Duration.ofSeconds(30));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Thermometer.class, Rooms.class })
	static class NodeApplication {

		@Bean
		CoapLinkInstances roomLinks(Rooms rooms) {
			return CoapLinkInstances.of("/rooms/{room}", () -> rooms.names);
		}

	}

	/**
	 * The rooms the node serves, which change at run time.
	 */
	static class Rooms {

		final List<String> names = new CopyOnWriteArrayList<>();

	}

	@CoapController
	static class Thermometer {

		@CoapGetMapping(path = "/temperature", resourceType = "temperature-c", produces = "text/plain")
		String temperature() {
			return "21.5";
		}

		@CoapGetMapping(path = "/rooms/{room}", resourceType = "room", produces = "text/plain")
		String room(@CoapPathVariable String room) {
			return room;
		}

	}

}
