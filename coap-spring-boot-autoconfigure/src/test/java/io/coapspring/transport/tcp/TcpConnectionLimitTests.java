package io.coapspring.transport.tcp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of idle {@code coap+tcp} connections, opened by a separate Python process so that the heap measured
 * here is the server's alone: the total stays at {@code coap.server.tcp.max-connections}, the connections
 * beyond it get a CSM and an Abort and are closed, the server keeps answering once they are gone, and the
 * memory each idle connection costs is printed (a measurement, not an assertion).
 */
@SpringBootTest(classes = TcpTestApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.enabled=true",
				"coap.server.tcp.port=0", "coap.server.tcp.max-connections=2000" })
class TcpConnectionLimitTests {

	private static final int LIMIT = 2000;

	private static final int EXTRA = 100;

	@Autowired
	CoapServer server;

	@Autowired
	TcpServerEndpointFactory endpointFactory;

	@Test
	void idleConnectionsAreBoundedAndTheirMemoryIsMeasured() throws Exception {
		String python = "/usr/bin/python3";
		ExternalClient.require(Files.isExecutable(Path.of(python)),
				python + " is missing: install the Debian package 'python3'");
		TcpConnectionLimit limit = this.endpointFactory.getSignaling().getConnectionLimit();
		int port = TcpTestApplication.tcpPort(this.server);
		long heapBefore = usedHeapAfterGc();
		long directBefore = usedDirectMemory();
		Path script = Path.of("src/test/resources/tcp/idle_connections.py").toAbsolutePath();
		Process clients = new ProcessBuilder(python, script.toString(), "127.0.0.1", String.valueOf(port),
				String.valueOf(LIMIT + EXTRA))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
				OutputStream input = clients.getOutputStream()) {
			assertThat(output.readLine()).isEqualTo("connected " + (LIMIT + EXTRA));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> limit.getOpenConnections() == LIMIT && limit.getRefusedConnections() == EXTRA);
			long heapPerConnection = (usedHeapAfterGc() - heapBefore) / LIMIT;
			long directPerConnection = (usedDirectMemory() - directBefore) / LIMIT;
			System.out.printf("coap+tcp: %d idle connections open, %d refused; heap %d bytes per connection, "
					+ "Netty direct memory %d bytes per connection%n", limit.getOpenConnections(),
					limit.getRefusedConnections(), heapPerConnection, directPerConnection);
			assertThat(limit.getOpenConnections()).isEqualTo(LIMIT);
			input.write('\n');
			input.flush();
		}
		finally {
			clients.waitFor();
			clients.destroyForcibly();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> limit.getOpenConnections() == 0);
		try (RawTcpPeer peer = new RawTcpPeer(port)) {
			peer.read();
			peer.csm().send(0x61, 0x01, 0x01, 0xB5, 'h', 'e', 'l', 'l', 'o');
			assertThat(peer.read().payloadText()).isEqualTo("hello over tcp");
		}
	}

	private static long usedDirectMemory() {
		return (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)
				? provider.metric().usedDirectMemory() : -1;
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
