package io.coapspring.transport.tcp;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.coapspring.client.CoapTemplate;
import io.coapspring.transport.tcp.RawTcpPeer.Frame;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keep-alive Pings (RFC 8323 section 5.4) on idle {@code coap+tcp} connections, both ways: the server pings a
 * silent client after {@code coap.server.tcp.ping-interval} and aborts it at the idle timeout unless it
 * answers; the client pings a silent server after {@code coap.client.tcp.ping-interval} and closes the
 * connection if the server stays silent for another interval. A raw socket plays the other side. The client's
 * interval is the longer one: it gives up after two intervals of silence, and the raw peer's answers may be late
 * on a loaded machine.
 */
@SpringBootTest(classes = TcpTestApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.enabled=true",
				"coap.server.tcp.port=0", "coap.server.tcp.ping-interval=200ms", "coap.server.tcp.idle-timeout=1s",
				"coap.client.tcp.ping-interval=500ms" })
class TcpKeepAliveTests {

	/** GET /hello with token 0x01. */
	private static final byte[] GET_HELLO = { 0x61, 0x01, 0x01, (byte) 0xB5, 'h', 'e', 'l', 'l', 'o' };

	private static final long IDLE_NANOS = Duration.ofSeconds(1).toNanos();

	@Autowired
	CoapServer server;

	@Autowired
	CoapTemplate template;

	@Test
	void serverPingsAnIdleClientThatStaysConnectedWhileItAnswers() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(TcpTestApplication.tcpPort(this.server))) {
			assertThat(peer.read().codeText()).isEqualTo("7.01");
			peer.csm();
			assertThat(answerPingsFor2AndAHalfIdleTimeouts(peer)).isGreaterThanOrEqualTo(3);
			peer.send(GET_HELLO);
			Frame response = readSkippingPings(peer);
			assertThat(response.codeText()).isEqualTo("2.05");
			assertThat(response.payloadText()).isEqualTo("hello over tcp");
		}
	}

	@Test
	void serverAbortsAClientThatDoesNotAnswerItsPings() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(TcpTestApplication.tcpPort(this.server))) {
			assertThat(peer.read().codeText()).isEqualTo("7.01");
			peer.csm();
			long start = System.nanoTime();
			assertThat(peer.read().codeText()).isEqualTo("7.02");
			Frame abort = readSkippingPings(peer);
			assertThat(abort.codeText()).isEqualTo("7.05");
			assertThat(abort.payloadText()).contains("no message for 1000 ms");
			assertThat(peer.closedByServer()).isTrue();
			assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(IDLE_NANOS / 2);
		}
	}

	@Test
	void clientPingsAnIdleServerAndKeepsTheConnectionWhileItAnswers() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				RawTcpPeer server = acceptRequest(listener)) {
			assertThat(answerPingsFor2AndAHalfIdleTimeouts(server)).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void clientClosesTheConnectionOfAServerThatDoesNotAnswerItsPings() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				RawTcpPeer server = acceptRequest(listener)) {
			assertThat(server.read().codeText()).isEqualTo("7.02");
			assertThat(readSkippingPings(server).codeText()).isEqualTo("7.05");
			assertThat(server.closedByServer()).isTrue();
		}
	}

	/**
	 * Let the template GET from a raw server, answer it, and return the server's side of the connection.
	 */
	private RawTcpPeer acceptRequest(ServerSocket listener) throws Exception {
		String uri = "coap+tcp://127.0.0.1:" + listener.getLocalPort() + "/hi";
		CompletableFuture<String> response = CompletableFuture
			.supplyAsync(() -> this.template.getForObject(uri, String.class));
		listener.setSoTimeout(10000);
		RawTcpPeer server = new RawTcpPeer(listener.accept());
		server.csm();
		assertThat(server.read().codeText()).isEqualTo("7.01");
		Frame request = server.read();
		assertThat(request.codeText()).isEqualTo("0.01");
		byte[] token = request.token();
		// 2.05 Content, Content-Format text/plain (option 12, empty), payload "hi"
		server.send(RawTcpPeer.concat(new byte[] { (byte) (0x40 | token.length), 0x45 }, token,
				new byte[] { (byte) 0xC0, (byte) 0xFF, 'h', 'i' }));
		assertThat(response.get()).isEqualTo("hi");
		return server;
	}

	/**
	 * Answer every Ping with a Pong for 2.5 server idle timeouts, failing on any other frame or a close.
	 * @return the number of Pings
	 */
	private static int answerPingsFor2AndAHalfIdleTimeouts(RawTcpPeer peer) throws Exception {
		long start = System.nanoTime();
		int pings = 0;
		while (System.nanoTime() - start < 5 * IDLE_NANOS / 2) {
			Frame ping = peer.read();
			assertThat(ping.codeText()).isEqualTo("7.02");
			pings++;
			peer.send(pong(ping.token()));
		}
		return pings;
	}

	private static Frame readSkippingPings(RawTcpPeer peer) throws Exception {
		Frame frame = peer.read();
		for (int i = 0; i < 50 && frame.codeText().equals("7.02"); i++) {
			frame = peer.read();
		}
		return frame;
	}

	private static byte[] pong(byte[] token) {
		return RawTcpPeer.concat(new byte[] { (byte) token.length, (byte) 0xE3 }, token);
	}

}
