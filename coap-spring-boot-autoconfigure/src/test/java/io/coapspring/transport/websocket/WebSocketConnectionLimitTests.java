package io.coapspring.transport.websocket;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.coapspring.transport.tcp.ExternalClient;
import io.coapspring.transport.tcp.TcpConnectionLimit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of idle {@code coap+ws} connections, opened by a separate Python process (Debian's
 * {@code python3-websockets}) so that the heap measured here is the server's alone: the total stays at
 * {@code coap.server.websocket.max-connections}, the connections beyond it get a CSM and an Abort and are
 * closed, the server keeps answering once they are gone, and the memory each idle connection costs is printed
 * (a measurement, not an assertion).
 */
@SpringBootTest(classes = WebSocketTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.websocket.enabled=true",
				"coap.server.websocket.max-connections=500" })
class WebSocketConnectionLimitTests {

	private static final int LIMIT = 500;

	private static final int EXTRA = 50;

	@LocalServerPort
	int port;

	@Autowired
	WebSocketServerConnector connector;

	@Test
	void idleConnectionsAreBoundedAndTheirMemoryIsMeasured() throws Exception {
		String python = "/usr/bin/python3";
		ExternalClient.require(Files.isExecutable(Path.of(python)) && hasWebsockets(python),
				"python3-websockets is missing: install the Debian package 'python3-websockets'");
		TcpConnectionLimit limit = this.connector.getSignaling().connectionLimit();
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/.well-known/coap");
		long heapBefore = usedHeapAfterGc();
		Path script = Path.of("src/test/resources/websocket/idle_websockets.py").toAbsolutePath();
		Process clients = new ProcessBuilder(python, script.toString(), uri.toString(), String.valueOf(LIMIT + EXTRA))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
				OutputStream input = clients.getOutputStream()) {
			assertThat(output.readLine()).isEqualTo("connected " + (LIMIT + EXTRA));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> limit.getOpenConnections() == LIMIT && limit.getRefusedConnections() == EXTRA);
			long heapPerConnection = (usedHeapAfterGc() - heapBefore) / LIMIT;
			System.out.printf("coap+ws: %d idle connections open, %d refused; heap %d bytes per connection%n",
					limit.getOpenConnections(), limit.getRefusedConnections(), heapPerConnection);
			assertThat(this.connector.getConnectionCount()).isEqualTo(LIMIT);
			input.write('\n');
			input.flush();
		}
		finally {
			clients.waitFor();
			clients.destroyForcibly();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> limit.getOpenConnections() == 0);
		try (RawWebSocketPeer peer = new RawWebSocketPeer(uri, "coap")) {
			peer.read();
			peer.send(RawWebSocketPeer.CSM).send(RawWebSocketPeer.GET_HELLO);
			assertThat(new String(peer.read(), StandardCharsets.UTF_8)).endsWith("hello over websockets");
		}
	}

	private static boolean hasWebsockets(String python) throws Exception {
		Process check = new ProcessBuilder(python, "-c", "import websockets").start();
		try {
			return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
		}
		finally {
			check.destroyForcibly();
		}
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
