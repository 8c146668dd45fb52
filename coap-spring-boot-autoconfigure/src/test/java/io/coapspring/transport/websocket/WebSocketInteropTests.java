package io.coapspring.transport.websocket;

import io.coapspring.transport.tcp.ExternalClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * aiocoap 0.4.12 ({@code aiocoap-client}, with Debian's {@code python3-websockets}) over {@code coap+ws://}
 * against the handler methods of {@link WebSocketTestApplication} on the embedded Tomcat. libcoap 4.3.1 in
 * Debian has no WebSocket support. Observe is covered by {@code WebSocketServerEndToEndTests}: the server sends
 * the notifications to aiocoap, but aiocoap-client did not print them reliably when its output is a pipe.
 */
@SpringBootTest(classes = WebSocketTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0",
				"coap.server.websocket.enabled=true" })
class WebSocketInteropTests {

	@LocalServerPort
	int port;

	@Test
	void aiocoapGets() throws Exception {
		String output = ExternalClient.aiocoap().run(base() + "/hello");
		assertThat(output).contains("hello over websockets");
	}

	@Test
	void aiocoapGetsLargeBodyBlockWise() throws Exception {
		String output = ExternalClient.aiocoap().run(base() + "/large");
		assertThat(output).contains(WebSocketTestApplication.LARGE);
	}

	private String base() {
		return "coap+ws://127.0.0.1:" + this.port;
	}

}
