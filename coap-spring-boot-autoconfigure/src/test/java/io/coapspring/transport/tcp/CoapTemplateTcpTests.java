package io.coapspring.transport.tcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.coapspring.client.CoapTemplate;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CoapTemplate} with {@code coap+tcp://} URIs: against this application's own TCP endpoint, libcoap's
 * {@code coap-server-notls} and aiocoap's {@code aiocoap-fileserver}. Both foreign servers wait for the
 * client's CSM (RFC 8323 section 5.3), which Californium's connector alone never sends.
 */
@SpringBootTest(classes = TcpTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.tcp.enabled=true", "coap.server.tcp.port=0" })
class CoapTemplateTcpTests {

	@Autowired
	CoapTemplate template;

	@Autowired
	CoapServer server;

	@Autowired
	TcpTestApplication.TcpController controller;

	@Test
	void getsPutsAndTransfersBlockWiseOverTcpWithOurOwnServer() {
		String base = "coap+tcp://127.0.0.1:" + TcpTestApplication.tcpPort(this.server);
		assertThat(this.template.getForObject(base + "/hello", String.class)).isEqualTo("hello over tcp");
		assertThat(this.template.getForObject(base + "/large", String.class)).isEqualTo(TcpTestApplication.LARGE);
		String body = "from the template ".repeat(150);
		this.template.put(base + "/store", body);
		await().atMost(Duration.ofSeconds(10)).until(() -> body.equals(this.controller.stored.get()));
	}

	@Test
	void getsFromLibcoapServer() throws Exception {
		try (ExternalServer libcoap = ExternalServer.libcoap()) {
			String base = "coap+tcp://127.0.0.1:" + libcoap.port();
			assertThat(this.template.getForObject(base + "/", String.class)).contains("libcoap");
			assertThat(this.template.getForObject(base + "/time", String.class)).isNotBlank();
		}
	}

	@Test
	void getsLargeFileBlockWiseFromAiocoapFileserver(@TempDir Path directory) throws Exception {
		String content = "aiocoap over tcp ".repeat(300);
		Files.writeString(directory.resolve("large.txt"), content);
		try (ExternalServer aiocoap = ExternalServer.aiocoapFileserver(directory)) {
			String uri = "coap+tcp://127.0.0.1:" + aiocoap.port() + "/large.txt";
			assertThat(this.template.getForObject(uri, String.class)).isEqualTo(content);
		}
	}

}
