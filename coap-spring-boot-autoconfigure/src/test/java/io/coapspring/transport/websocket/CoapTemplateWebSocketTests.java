package io.coapspring.transport.websocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.coapspring.client.CoapTemplate;
import io.coapspring.transport.tcp.ExternalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CoapTemplate} with {@code coap+ws://} URIs: against this application's own WebSocket endpoint on the
 * embedded Tomcat, and against aiocoap's {@code aiocoap-fileserver}, which serves CoAP over WebSockets on its
 * port + 3000.
 */
@SpringBootTest(classes = WebSocketTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0",
				"coap.server.websocket.enabled=true" })
class CoapTemplateWebSocketTests {

	@LocalServerPort
	int port;

	@Autowired
	CoapTemplate template;

	@Test
	void getsAndTransfersBlockWiseOverOneConnectionWithOurOwnServer() {
		String base = "coap+ws://127.0.0.1:" + this.port;
		assertThat(this.template.getForObject(base + "/hello", String.class)).isEqualTo("hello over websockets");
		assertThat(this.template.getForObject(base + "/large", String.class))
			.isEqualTo(WebSocketTestApplication.LARGE);
		assertThat(this.template.getForObject(base + "/hello", String.class)).isEqualTo("hello over websockets");
		assertThat(this.template.getEndpoints().getEndpoints())
			.anySatisfy((endpoint) -> assertThat(endpoint.getUri().getScheme()).isEqualTo("coap+ws"));
	}

	@Test
	void getsLargeFileBlockWiseFromAiocoapFileserver(@TempDir Path directory) throws Exception {
		String content = "aiocoap over websockets ".repeat(200);
		Files.writeString(directory.resolve("large.txt"), content);
		try (ExternalServer aiocoap = ExternalServer.aiocoapFileserver(directory)) {
			String uri = "coap+ws://127.0.0.1:" + (aiocoap.port() + 3000) + "/large.txt";
			// the WebSocket listener may open a moment after the TCP one the server was awaited on
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(this.template.getForObject(uri, String.class)).isEqualTo(content));
		}
	}

}
