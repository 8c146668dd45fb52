package io.coapspring.transport.tcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.coapspring.server.observe.CoapNotifier;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Foreign clients over {@code coap+tcp://} against the handler methods of {@link TcpTestApplication}: libcoap
 * 4.3.1 ({@code coap-client-notls}) and aiocoap 0.4.12 ({@code aiocoap-client}). Without the RFC 8323 CSM
 * both give up on Californium's connector (libcoap waits for it, aiocoap aborts with "No CSM received").
 */
@SpringBootTest(classes = TcpTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.tcp.enabled=true", "coap.server.tcp.port=0" })
class TcpInteropTests {

	@Autowired
	CoapServer server;

	@Autowired
	TcpTestApplication.TcpController controller;

	@Autowired
	CoapNotifier notifier;

	String base;

	@BeforeEach
	void base() {
		this.base = "coap+tcp://127.0.0.1:" + TcpTestApplication.tcpPort(this.server);
	}

	@Test
	void libcoapGets() throws Exception {
		String output = ExternalClient.libcoap("coap-client-notls").run("-m", "get", this.base + "/hello");
		assertThat(output).contains("hello over tcp");
	}

	@Test
	void discoveryListsTheSameLinksAsOverUdp() throws Exception {
		String output = ExternalClient.libcoap("coap-client-notls").run("-m", "get", this.base + "/.well-known/core");
		assertThat(output).contains("</hello>", "</large>", "</store>", "</level>");
	}

	@Test
	void libcoapPuts() throws Exception {
		String output = ExternalClient.libcoap("coap-client-notls")
			.run("-m", "put", "-e", "stored over tcp", this.base + "/store");
		assertThat(output).doesNotContain("4.", "5.");
		await().atMost(Duration.ofSeconds(10)).until(() -> "stored over tcp".equals(this.controller.stored.get()));
	}

	@Test
	void libcoapGetsLargeBodyBlockWise() throws Exception {
		String output = ExternalClient.libcoap("coap-client-notls").run("-m", "get", this.base + "/large");
		assertThat(output).contains(TcpTestApplication.LARGE);
	}

	@Test
	void libcoapPutsLargeBodyBlockWise(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("large.txt");
		String body = "block-wise over tcp ".repeat(200);
		Files.writeString(file, body);
		String output = ExternalClient.libcoap("coap-client-notls")
			.run("-m", "put", "-b", "1024", "-f", file.toString(), this.base + "/store");
		assertThat(output).doesNotContain("4.", "5.");
		await().atMost(Duration.ofSeconds(10)).until(() -> body.equals(this.controller.stored.get()));
	}

	@Test
	void libcoapObserves() throws Exception {
		this.controller.level.set(1);
		Process client = ExternalClient.libcoap("coap-client-notls")
			.start("-m", "get", "-s", "6", this.base + "/level");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.notifier.getObserverCount("/level") == 1);
		this.controller.level.set(2);
		this.notifier.changed("/level");
		this.controller.level.set(3);
		this.notifier.changed("/level");
		String output = ExternalClient.output(client);
		assertThat(output).contains("level 1", "level 3");
	}

	@Test
	void aiocoapGets() throws Exception {
		String output = ExternalClient.aiocoap().run(this.base + "/hello");
		assertThat(output).contains("hello over tcp").doesNotContain("No CSM");
	}

	@Test
	void aiocoapGetsLargeBodyBlockWise() throws Exception {
		String output = ExternalClient.aiocoap().run(this.base + "/large");
		assertThat(output).contains(TcpTestApplication.LARGE);
	}

	@Test
	void aiocoapPuts() throws Exception {
		String output = ExternalClient.aiocoap().run("-m", "PUT", "--payload", "from aiocoap", this.base + "/store");
		assertThat(output).doesNotContain("Error", "4.", "5.");
		await().atMost(Duration.ofSeconds(10)).until(() -> "from aiocoap".equals(this.controller.stored.get()));
	}

}
