package io.coapspring.transport.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.coapspring.server.observe.CoapNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CoAP over WebSockets on the application's embedded Tomcat, from a raw WebSocket client (the JDK's): the
 * signaling, the same handler methods as over UDP, observe, and the answers to bad input, after each of which
 * the server keeps answering.
 */
@SpringBootTest(classes = WebSocketTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.websocket.enabled=true",
				"coap.server.websocket.max-connections=3", "coap.server.websocket.csm-timeout=2s" })
class WebSocketServerEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	CoapServer server;

	@Autowired
	WebSocketTestApplication.WebSocketController controller;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	MeterRegistry meters;

	URI uri;

	@BeforeEach
	void uri() {
		this.uri = URI.create("ws://127.0.0.1:" + this.port + "/.well-known/coap");
		// the connections of the previous test are gone, so none is refused for the limit
		await().atMost(Duration.ofSeconds(10)).until(() -> gauge("coap.server.connections") == 0.0);
	}

	@Test
	void csmFirstThenTheSameHandlersAnswer() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			assertThat(peer.getSubprotocol()).isEqualTo("coap");
			byte[] csm = peer.read();
			assertThat(csm[0]).as("Len is 0 over WebSockets").isEqualTo((byte) 0x00);
			assertThat(csm[1] & 0xFF).isEqualTo(0xE1);
			peer.send(RawWebSocketPeer.CSM).send(RawWebSocketPeer.GET_HELLO);
			byte[] response = peer.read();
			assertThat(response[0]).isEqualTo((byte) 0x01);
			assertThat(response[1] & 0xFF).isEqualTo(0x45);
			assertThat(text(response)).isEqualTo("hello over websockets");
		}
	}

	@Test
	void pingIsAnsweredWithPong() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			peer.send(RawWebSocketPeer.CSM).send(new byte[] { 0x02, (byte) 0xE2, 0x42, 0x43 });
			byte[] pong = peer.read();
			assertThat(Arrays.copyOf(pong, 4)).containsExactly(0x02, 0xE3, 0x42, 0x43);
		}
	}

	@Test
	void observeNotifiesOverTheConnection() throws Exception {
		this.controller.level.set(1);
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			// GET /level, token 0x07, Observe: 0
			peer.send(RawWebSocketPeer.CSM)
				.send(new byte[] { 0x01, 0x01, 0x07, 0x60, (byte) 0x55, 'l', 'e', 'v', 'e', 'l' });
			assertThat(text(peer.read())).isEqualTo("level 1");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.notifier.getObserverCount("/level") == 1);
			this.controller.level.set(2);
			this.notifier.changed("/level");
			byte[] notification = peer.read();
			assertThat(notification[2]).as("the token of the observe request").isEqualTo((byte) 0x07);
			assertThat(text(notification)).isEqualTo("level 2");
		}
		// the relation of a closed connection ends with its next notification, which has no connection to go to
		await().atMost(Duration.ofSeconds(10)).until(() -> gauge("coap.server.connections") == 0.0);
		this.notifier.changed("/level");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.notifier.getObserverCount("/level") == 0);
	}

	@Test
	void largeBodyIsTransferredBlockWise() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			// GET /large, token 0x09
			peer.send(RawWebSocketPeer.CSM).send(new byte[] { 0x01, 0x01, 0x09, (byte) 0xB5, 'l', 'a', 'r', 'g', 'e' });
			byte[] first = peer.read();
			assertThat(first[1] & 0xFF).isEqualTo(0x45);
			assertThat(first.length).isLessThanOrEqualTo(1152);
			assertThat(text(first)).hasSizeLessThan(WebSocketTestApplication.LARGE.length());
			assertThat(WebSocketTestApplication.LARGE).startsWith(text(first));
		}
	}

	@Test
	void connectionWithoutTheCoapSubprotocolIsClosed() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri)) {
			assertThat(peer.awaitClose()).isEqualTo(1002);
		}
		assertServerAnswers();
	}

	@Test
	void textMessageClosesTheConnection() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			peer.send(RawWebSocketPeer.CSM).sendText("GET /hello");
			assertThat(peer.awaitClose()).isEqualTo(1003);
		}
		assertServerAnswers();
	}

	@Test
	void connectionThatNeverSendsItsCsmIsAborted() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			assertThat(peer.readAbort()).contains("no CSM received within 2000 ms");
			assertThat(peer.awaitClose()).isEqualTo(1002);
		}
		assertServerAnswers();
	}

	@Test
	void requestBeforeTheCsmIsAborted() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			peer.send(RawWebSocketPeer.GET_HELLO);
			assertThat(peer.readAbort()).contains("the first message must be a CSM");
		}
		assertServerAnswers();
	}

	@Test
	void messageWithLengthIsAborted() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			// TCP framing (Len 5) over a WebSocket
			peer.send(RawWebSocketPeer.CSM).send(new byte[] { 0x51, 0x01, 0x01, (byte) 0xB5, 'h', 'e', 'l', 'l', 'o' });
			assertThat(peer.readAbort()).contains("Len must be 0");
		}
		assertServerAnswers();
	}

	@Test
	void messageLargerThanTheMaxMessageSizeClosesTheConnection() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			byte[] large = new byte[4000];
			large[1] = 0x02;
			peer.send(RawWebSocketPeer.CSM).send(large);
			assertThat(peer.awaitClose()).isEqualTo(1009);
		}
		assertServerAnswers();
	}

	@Test
	void connectionsBeyondTheLimitAreRefused() throws Exception {
		double refused = refused();
		try (RawWebSocketPeer first = new RawWebSocketPeer(this.uri, "coap");
				RawWebSocketPeer second = new RawWebSocketPeer(this.uri, "coap");
				RawWebSocketPeer third = new RawWebSocketPeer(this.uri, "coap")) {
			first.read();
			second.read();
			third.read();
			await().atMost(Duration.ofSeconds(10)).until(() -> gauge("coap.server.connections") == 3.0);
			try (RawWebSocketPeer fourth = new RawWebSocketPeer(this.uri, "coap")) {
				assertThat(fourth.readAbort()).contains("too many connections (3)");
				assertThat(fourth.awaitClose()).isEqualTo(1013);
			}
			assertThat(refused()).isEqualTo(refused + 1);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> gauge("coap.server.connections") == 0.0);
		assertServerAnswers();
	}

	@Test
	void endpointHasTheWebSocketScheme() {
		assertThat(this.server.getEndpoints()).anySatisfy((endpoint) -> assertThat(endpoint.getUri())
			.hasToString("coap+ws://0.0.0.0:" + this.port));
		assertThat(gauge("coap.server.connections.max")).isEqualTo(3.0);
	}

	private void assertServerAnswers() throws Exception {
		try (RawWebSocketPeer peer = new RawWebSocketPeer(this.uri, "coap")) {
			peer.read();
			peer.send(RawWebSocketPeer.CSM).send(RawWebSocketPeer.GET_HELLO);
			assertThat(text(peer.read())).isEqualTo("hello over websockets");
		}
	}

	private double gauge(String name) {
		return this.meters.get(name).tag("scheme", "coap+ws").gauge().value();
	}

	private double refused() {
		return this.meters.get("coap.server.connections.refused").tag("scheme", "coap+ws").functionCounter().count();
	}

	private static String text(byte[] message) {
		int tokenLength = message[0] & 0x0F;
		for (int i = 2 + tokenLength; i < message.length; i++) {
			if (message[i] == (byte) 0xFF) {
				return new String(message, i + 1, message.length - i - 1, StandardCharsets.UTF_8);
			}
			// skip options: this reads only the option header lengths of short options
			int header = message[i] & 0xFF;
			int length = header & 0x0F;
			int delta = header >>> 4;
			i += ((delta == 13) ? 1 : (delta == 14) ? 2 : 0) + ((length == 13) ? 1 : (length == 14) ? 2 : 0);
			int valueLength = (length == 13) ? (message[i] & 0xFF) + 13 : length;
			i += valueLength;
		}
		return "";
	}

}
