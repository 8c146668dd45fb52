package io.coapspring.rd.client;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.server.multicast.MulticastNodeApplication;
import io.coapspring.testsupport.NetworkNamespaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Resource Directory found on a multicast group (RFC 9176 section 4), and {@link RdResourceFinder} in every
 * mode, inside network namespaces this test creates, so that no multicast datagram is sent from the machine's own
 * namespace. Node 0 runs a directory and joins only 224.0.1.187; node 1 has no {@code coap.rd.client.uri}, so its
 * {@link RdRegistrationClient} asks All CoAP Nodes for {@code rt=core.rd}, finds node 0 and registers there; it
 * joins every All CoAP Nodes group. Both serve a sensor of type {@code temperature-c}. A client JVM in a third
 * namespace then finds the resources through the directory, the group, both, and, on a group where no directory
 * answers ({@code ff05::fd}), falls back to multicast discovery. Skipped where namespaces cannot be created (root
 * and iproute2), except on CI ({@code CI=true}), where that fails.
 */
class ResourceDirectoryNamespaceTests {

	private static final String NODE0 = NetworkNamespaces.nodeAddress(0);

	private static final String NODE1 = NetworkNamespaces.nodeAddress(1);

	@Test
	void aNodeRegistersWithADirectoryFoundOnTheGroupAndTheFinderLooksEverywhere() throws Exception {
		NetworkNamespaces.assumeAvailable();
		Path logs = Files.createTempDirectory(Files.createDirectories(Path.of("target", "rd-namespace-tests")), "run-");
		try (NetworkNamespaces namespaces = NetworkNamespaces.create(2)) {
			List<String> common = List.of("--node.sensor-type=temperature-c", "--coap.multicast.enabled=true",
					"--coap.multicast.interface=" + NetworkNamespaces.NODE_INTERFACE, "--coap.multicast.leisure=300ms",
					"--coap.client.multicast-window=1500ms", "--coap.server.shutdown-timeout=5s");
			List<Process> nodes = new ArrayList<>();
			nodes.add(namespaces.startInNode(0, logs.resolve("node0.log"), node(common, "--coap.server.endpoint-name=node0",
					"--coap.rd.server.enabled=true", "--coap.multicast.groups=224.0.1.187")));
			nodes.add(namespaces.startInNode(1, logs.resolve("node1.log"), node(common, "--coap.server.endpoint-name=node1",
					"--coap.rd.client.enabled=true", "--coap.rd.client.lifetime=300", "--coap.rd.client.retry-interval=1s")));
			for (int i = 0; i < nodes.size(); i++) {
				Process node = nodes.get(i);
				Path log = logs.resolve("node" + i + ".log");
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
					if (!node.isAlive()) {
						throw new AssertionError("node ended: " + NetworkNamespaces.read(log));
					}
					return NetworkNamespaces.read(log).contains("NODE-READY");
				});
			}
			String output = namespaces.runInClient(NetworkNamespaces.java(RdFinderProbe.class, "coap://224.0.1.187",
					"coap://[ff05::fd]", "rt=temperature-c", "1500"), 120);
			String context = output + "\nnode1: " + NetworkNamespaces.read(logs.resolve("node1.log"));
			assertThat(output).as(context).contains("done");
			List<String> lines = output.lines().toList();
			String sensor0 = "coap://" + NODE0 + ":5683/sensor";
			String sensor1 = "coap://" + NODE1 + ":5683/sensor";
			// node 1 found the directory on the group and registered from its server's address
			assertThat(lines).as(context).contains("found|coap://" + NODE0 + ":5683");
			assertThat(lines).as(context).contains("endpoint|node1|coap://" + NODE1 + ":5683");
			assertThat(links(lines, "directory")).as(context).containsExactly(sensor1 + "|" + NODE0);
			// auto: the directory found on the group answers; node 0 itself is not registered
			assertThat(links(lines, "auto")).as(context).containsExactly(sensor1 + "|" + NODE0);
			assertThat(lines).as(context).contains("auto-found|coap://" + NODE0 + ":5683");
			assertThat(links(lines, "multicast")).as(context)
				.containsExactlyInAnyOrder(sensor0 + "|" + NODE0, sensor1 + "|" + NODE1);
			// both: node 1 once, as the directory listed it, then node 0 from the group
			assertThat(links(lines, "both")).as(context).containsExactly(sensor1 + "|" + NODE0, sensor0 + "|" + NODE0);
			// no directory on ff05::fd: the nodes of the group answer
			String node1v6 = InetAddress.getByName(NetworkNamespaces.nodeAddress6(1)).getHostAddress();
			assertThat(links(lines, "fallback")).as(context)
				.containsExactly("coap://[" + node1v6 + "]:5683/sensor|" + node1v6);
			assertThat(lines).as(context).contains("fallback-found|null");
			assertThat(lines).as(context)
				.contains("get|" + sensor0 + "|node0", "get|" + sensor1 + "|node1");
		}
	}

	private static String[] node(List<String> common, String... properties) {
		List<String> arguments = new ArrayList<>(common);
		arguments.addAll(List.of(properties));
		return NetworkNamespaces.java(MulticastNodeApplication.class, arguments.toArray(new String[0]))
			.toArray(new String[0]);
	}

	private static List<String> links(List<String> lines, String mode) {
		return lines.stream()
			.filter((line) -> line.startsWith(mode + "|"))
			.map((line) -> line.substring(mode.length() + 1))
			.toList();
	}

}
