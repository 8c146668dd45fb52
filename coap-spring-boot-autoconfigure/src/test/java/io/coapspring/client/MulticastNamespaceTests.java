package io.coapspring.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.coapspring.testsupport.NetworkNamespaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast requests and multicast discovery against two libcoap nodes that joined 224.0.1.187 (All CoAP
 * Nodes), all inside network namespaces this test creates: the client runs in a JVM started in its own
 * namespace, so no multicast datagram is ever sent from the machine's namespace. Needs root, iproute2 and
 * libcoap3-bin; skipped where network namespaces cannot be created or libcoap is missing, except on CI
 * ({@code CI=true}), where that fails.
 */
class MulticastNamespaceTests {

	private static final String GROUP = "coap://224.0.1.187";

	/**
	 * libcoap delays answers to multicast requests by up to its 5 s leisure (RFC 7252 section 8.2).
	 */
	private static final String LEISURE_WINDOW = "5500";

	@Test
	void multicastAndDiscoveryReachEveryNodeOfTheGroup() throws Exception {
		NetworkNamespaces.assumeAvailable();
		Path libcoap = LibcoapServer.executable().orElse(null);
		String missing = LibcoapServer.COMMAND + " is not installed: install the Debian package libcoap3-bin";
		if (libcoap == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(missing);
		}
		assumeTrue(libcoap != null, missing);
		try (NetworkNamespaces namespaces = NetworkNamespaces.create(2)) {
			for (int i = 0; i < namespaces.nodeCount(); i++) {
				namespaces.startInNode(i, libcoap.toString(), "-g", "224.0.1.187", "-p", "5683");
			}
			for (int i = 0; i < namespaces.nodeCount(); i++) {
				int node = i;
				await().atMost(Duration.ofSeconds(10)).until(() -> namespaces.isListening(node, 5683));
			}
			String output = namespaces.runInClient(NetworkNamespaces.java(MulticastProbe.class, GROUP, LEISURE_WINDOW),
					60);
			assertThat(output).contains("done");
			for (String node : List.of(NetworkNamespaces.nodeAddress(0), NetworkNamespaces.nodeAddress(1))) {
				assertThat(output).as(output).contains("response|" + node + "|2.05|This is a test server made with libcoap");
				assertThat(output).as(output).contains("link|" + node + "|coap://" + node + ":5683/time");
			}
			assertThat(output.lines().filter((line) -> line.startsWith("link|"))).as("only rt=ticks links").hasSize(2);
		}
	}

}
