package io.coapspring.client;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast requests and multicast discovery against two libcoap nodes that joined 224.0.1.187 (All CoAP
 * Nodes), all inside network namespaces this test creates: the client runs in a JVM started in its own
 * namespace, so no multicast datagram is ever sent from the machine's namespace. Needs root, iproute2 and
 * libcoap3-bin; skipped where network namespaces cannot be created.
 */
class MulticastNamespaceTests {

	private static final String GROUP = "coap://224.0.1.187";

	/**
	 * libcoap delays answers to multicast requests by up to its 5 s leisure (RFC 7252 section 8.2).
	 */
	private static final String LEISURE_WINDOW = "5500";

	@Test
	void multicastAndDiscoveryReachEveryNodeOfTheGroup() throws Exception {
		assumeTrue(NetworkNamespaces.available(), "network namespaces cannot be created here (needs root and iproute2)");
		Path libcoap = LibcoapServer.executable().orElse(null);
		assumeTrue(libcoap != null, LibcoapServer.COMMAND + " is not installed: install the Debian package libcoap3-bin");
		try (NetworkNamespaces namespaces = NetworkNamespaces.create()) {
			for (int i = 0; i < NetworkNamespaces.NODE_ADDRESSES.size(); i++) {
				namespaces.startInNode(i, libcoap.toString(), "-g", "224.0.1.187", "-p", "5683");
			}
			for (int i = 0; i < NetworkNamespaces.NODE_ADDRESSES.size(); i++) {
				int node = i;
				await().atMost(Duration.ofSeconds(10)).until(() -> namespaces.isListening(node, 5683));
			}
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			String output = namespaces.runInClient(List.of(java, "-Djava.net.preferIPv4Stack=true", "-cp",
					testClassPath(), MulticastProbe.class.getName(), GROUP, LEISURE_WINDOW), 60);
			assertThat(output).contains("done");
			for (String node : NetworkNamespaces.NODE_ADDRESSES) {
				assertThat(output).as(output).contains("response|" + node + "|2.05|This is a test server made with libcoap");
				assertThat(output).as(output).contains("link|" + node + "|coap://" + node + ":5683/time");
			}
			assertThat(output.lines().filter((line) -> line.startsWith("link|"))).as("only rt=ticks links").hasSize(2);
		}
	}

	private static String testClassPath() {
		String classPath = System.getProperty("java.class.path");
		if (!classPath.contains("test-classes")) {
			classPath = System.getProperty("surefire.test.class.path", classPath);
		}
		assertThat(classPath).contains("test-classes").contains(File.pathSeparator);
		return classPath;
	}

}
