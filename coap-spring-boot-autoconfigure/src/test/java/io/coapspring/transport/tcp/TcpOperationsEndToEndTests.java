package io.coapspring.transport.tcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.coapspring.actuate.health.CoapHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code coap+tcp} endpoint in operations: the {@code coap} health contributor lists it as started, the
 * connection meters follow the connections, and the server's per-scheme meters count its traffic.
 */
@SpringBootTest(classes = TcpTestApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.enabled=true",
				"coap.server.tcp.port=0", "coap.server.tcp.max-connections=1" })
class TcpOperationsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	CoapServer server;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CoapHealthIndicator health;

	@Test
	void healthListsTheTcpEndpointAsStarted() {
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> endpoints = (List<Map<String, Object>>) health.getDetails().get("endpoints");
		assertThat(endpoints).anySatisfy((endpoint) -> {
			assertThat((String) endpoint.get("uri")).startsWith("coap+tcp://");
			assertThat(endpoint.get("started")).isEqualTo(true);
		});
	}

	@Test
	void connectionMetersFollowTheConnections() throws Exception {
		int port = TcpTestApplication.tcpPort(this.server);
		assertThat(gauge("coap.server.connections.max")).isEqualTo(1.0);
		double refused = this.meters.get("coap.server.connections.refused").tag("scheme", "coap+tcp").functionCounter()
			.count();
		try (RawTcpPeer first = new RawTcpPeer(port)) {
			first.read();
			first.csm();
			await().atMost(WAIT).until(() -> gauge("coap.server.connections") == 1.0);
			try (RawTcpPeer second = new RawTcpPeer(port)) {
				second.read();
				assertThat(second.read().payloadText()).contains("too many connections");
			}
			assertThat(this.meters.get("coap.server.connections.refused").tag("scheme", "coap+tcp").functionCounter()
				.count()).isEqualTo(refused + 1);
		}
		await().atMost(WAIT).until(() -> gauge("coap.server.connections") == 0.0);
	}

	@Test
	void serverMetersHaveTheTcpScheme() {
		assertThat(this.meters.find("coap.server.malformed").tag("scheme", "coap+tcp").functionCounter()).isNotNull();
		assertThat(this.meters.find("coap.server.malformed").tag("scheme", "coap").functionCounter()).isNotNull();
	}

	private double gauge(String name) {
		return this.meters.get(name).tag("scheme", "coap+tcp").gauge().value();
	}

}
