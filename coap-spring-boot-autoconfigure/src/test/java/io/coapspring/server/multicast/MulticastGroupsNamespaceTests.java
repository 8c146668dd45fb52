package io.coapspring.server.multicast;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.coapspring.testsupport.NetworkNamespaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multicast end to end: two CoAP Spring Boot nodes, each a JVM in a network namespace of its own with
 * {@code coap.multicast.enabled=true}, joined to All CoAP Nodes for IPv4 and IPv6 on their {@code eth0}, and a
 * client JVM in a third namespace, bridged to both, whose requests leave from {@code br0}. The namespaces are
 * created here, so no multicast datagram is sent from the machine's own namespace. Skipped where namespaces
 * cannot be created (root and iproute2), except on CI, where that fails.
 * <p>
 * The nodes bind their unicast endpoint to the wildcard address on port 5683, the multicast port too, as a
 * node does with the defaults; node 0 serves a sensor of type {@code temperature}, node 1 one of type
 * {@code humidity}. A third node runs in the client namespace itself with {@code coap.multicast.loopback=true}
 * on a group and port of its own, for clients of the same host, with a leisure of 1 s.
 */
@TestInstance(Lifecycle.PER_CLASS)
class MulticastGroupsNamespaceTests {

	private static final String IPV4_GROUP = "224.0.1.187";

	private static final String LINK_LOCAL_GROUP = "ff02::fd";

	private static final String SITE_LOCAL_GROUP = "ff05::fd";

	private static final List<String> GROUP_URIS = List.of("coap://" + IPV4_GROUP, "coap://[" + LINK_LOCAL_GROUP + "]",
			"coap://[" + SITE_LOCAL_GROUP + "]");

	/**
	 * Long enough for the nodes' 300 ms leisure on a loaded machine.
	 */
	private static final String WINDOW = "1500";

	private static final List<String> SENSOR_TYPES = List.of("temperature", "humidity");

	private static final String LOCAL_GROUP = "239.255.0.1";

	private static final int LOCAL_PORT = 5684;

	private static final int LOCAL_LEISURE_MILLIS = 1000;

	private NetworkNamespaces namespaces;

	private Path logs;

	private Process agent;

	private PrintStream commands;

	private BufferedReader results;

	@BeforeAll
	void startNodesAndClient() throws IOException {
		NetworkNamespaces.assumeAvailable();
		// kept with the build output, for a look at the nodes' logs after a failure
		this.logs = Files.createTempDirectory(Files.createDirectories(Path.of("target", "multicast-namespace-tests")),
				"run-");
		this.namespaces = NetworkNamespaces.create(2);
		List<Process> nodes = new ArrayList<>();
		for (int i = 0; i < this.namespaces.nodeCount(); i++) {
			nodes.add(this.namespaces.startInNode(i, nodeLog(i), NetworkNamespaces
				.java(MulticastNodeApplication.class, "--coap.server.endpoint-name=node" + i,
						"--node.sensor-type=" + SENSOR_TYPES.get(i), "--coap.multicast.enabled=true",
						"--coap.multicast.interface=" + NetworkNamespaces.NODE_INTERFACE,
						"--coap.multicast.leisure=300ms", "--coap.server.shutdown-timeout=20s")
				.toArray(new String[0])));
		}
		// a node in the client namespace, which clients of that namespace reach through its loopback interface
		nodes.add(this.namespaces.startInClient(this.logs.resolve("local.log"), NetworkNamespaces
			.java(MulticastNodeApplication.class, "--coap.server.endpoint-name=local", "--node.sensor-type=none",
					"--coap.server.port=" + LOCAL_PORT, "--coap.multicast.enabled=true",
					"--coap.multicast.loopback=true", "--coap.multicast.groups=" + LOCAL_GROUP,
					"--coap.multicast.port=" + LOCAL_PORT, "--coap.multicast.leisure=" + LOCAL_LEISURE_MILLIS + "ms")
			.toArray(new String[0])));
		this.agent = this.namespaces.startInClient(this.logs.resolve("client.log"),
				NetworkNamespaces.java(MulticastClientAgent.class, NetworkNamespaces.CLIENT_INTERFACE));
		this.commands = new PrintStream(this.agent.getOutputStream(), true, StandardCharsets.UTF_8);
		this.results = new BufferedReader(new InputStreamReader(this.agent.getInputStream(), StandardCharsets.UTF_8));
		assertThat(readLine(Duration.ofSeconds(60))).as(() -> "client agent: " + NetworkNamespaces.read(
				this.logs.resolve("client.log"))).isEqualTo("READY");
		for (int i = 0; i < nodes.size(); i++) {
			Process node = nodes.get(i);
			Path log = (i < this.namespaces.nodeCount()) ? nodeLog(i) : this.logs.resolve("local.log");
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!node.isAlive()) {
					throw new AssertionError("node ended: " + NetworkNamespaces.read(log));
				}
				return NetworkNamespaces.read(log).contains("NODE-READY");
			});
		}
	}

	@AfterAll
	void stop() throws IOException {
		if (this.commands != null) {
			this.commands.println("quit");
		}
		if (this.namespaces != null) {
			long start = System.nanoTime();
			this.namespaces.close();
			// a request whose answer was suppressed must not hold up the graceful shutdown (20 s timeout)
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("graceful shutdown of the nodes")
				.isLessThan(Duration.ofSeconds(15));
		}
	}

	@Test
	void everyNodeAnswersDiscoveryOnEveryGroup() throws Exception {
		List<String> commands = new ArrayList<>();
		for (String group : GROUP_URIS) {
			commands.add("nodes " + group + " - " + WINDOW);
			commands.add("discover " + group + " - " + WINDOW);
		}
		List<List<String>> results = run(commands);
		for (int g = 0; g < GROUP_URIS.size(); g++) {
			String group = GROUP_URIS.get(g);
			List<String> nodes = results.get(2 * g);
			List<String> links = results.get(2 * g + 1);
			assertThat(nodes).as(group).hasSize(2);
			for (int i = 0; i < 2; i++) {
				String address = expectedAddress(group, i);
				String name = "node" + i;
				assertThat(nodes).as(group).anySatisfy((line) -> assertNode(line, name, address));
				assertThat(links).as(group)
					.anySatisfy((line) -> assertLink(line, address, "/hello", name))
					.anySatisfy((line) -> assertLink(line, address, "/sensor", name));
			}
		}
	}

	@Test
	void aNodeThatMatchesNoFilterStaysSilent() throws Exception {
		List<String> commands = new ArrayList<>();
		for (String group : GROUP_URIS) {
			commands.add("multicast " + group + "/.well-known/core?rt=temperature " + WINDOW);
			commands.add("multicast " + group + "/.well-known/core?rt=greeting " + WINDOW);
			commands.add("multicast " + group + "/.well-known/core?ep=nobody " + WINDOW);
		}
		List<List<String>> results = run(commands);
		for (int g = 0; g < GROUP_URIS.size(); g++) {
			String group = GROUP_URIS.get(g);
			String temperatureNode = normalize(expectedAddress(group, 0));
			assertThat(results.get(3 * g)).as("only node 0 has a temperature sensor: %s", group)
				.singleElement()
				.satisfies((line) -> {
					assertThat(normalize(field(line, 1))).isEqualTo(temperatureNode);
					assertThat(line).contains(" 2.05 ").contains("</sensor>").doesNotContain("/hello");
				});
			assertThat(results.get(3 * g + 1)).as("both nodes have a greeting: %s", group).hasSize(2);
			assertThat(results.get(3 * g + 2)).as(group).isEmpty();
		}
	}

	@Test
	void aConMulticastRequestGetsNoAnswer() throws Exception {
		List<String> groups = List.of(IPV4_GROUP, LINK_LOCAL_GROUP, SITE_LOCAL_GROUP);
		List<String> commands = new ArrayList<>();
		for (String group : groups) {
			commands.add("raw CON " + group + " 5683 /hello " + WINDOW);
			commands.add("raw NON " + group + " 5683 /hello " + WINDOW);
		}
		List<List<String>> results = run(commands);
		for (int g = 0; g < groups.size(); g++) {
			String group = groups.get(g);
			String uri = GROUP_URIS.get(g);
			assertThat(results.get(2 * g)).as(group).isEmpty();
			List<String> non = results.get(2 * g + 1);
			assertThat(non).as("the same request as NON: %s", group).hasSize(2).allSatisfy((line) -> {
				assertThat(field(line, 2)).isEqualTo("NON");
				assertThat(field(line, 3)).isEqualTo("2.05");
			});
			assertThat(non.stream().map((line) -> normalize(field(line, 1))).collect(Collectors.toSet()))
				.isEqualTo(Set.of(normalize(expectedAddress(uri, 0)), normalize(expectedAddress(uri, 1))));
		}
	}

	@Test
	void errorResponsesAreSuppressedUnlessTheRequestAsksForThem() throws Exception {
		List<String> commands = new ArrayList<>();
		for (String group : GROUP_URIS) {
			commands.add("multicast " + group + "/missing " + WINDOW);
			commands.add("multicast " + group + "/fails " + WINDOW);
			commands.add("multicast " + group + "/hello " + WINDOW);
			// No-Response 0: interested in every response (RFC 7967)
			commands.add("multicast " + group + "/missing " + WINDOW + " 0");
			commands.add("multicast " + group + "/fails " + WINDOW + " 0");
		}
		List<List<String>> results = run(commands);
		for (int g = 0; g < GROUP_URIS.size(); g++) {
			String group = GROUP_URIS.get(g);
			assertThat(results.get(5 * g)).as(group).isEmpty();
			assertThat(results.get(5 * g + 1)).as(group).isEmpty();
			assertThat(results.get(5 * g + 2)).as(group).hasSize(2);
			assertThat(results.get(5 * g + 3)).as(group)
				.hasSize(2)
				.allSatisfy((line) -> assertThat(field(line, 2)).isEqualTo("4.04"));
			assertThat(results.get(5 * g + 4)).as(group)
				.hasSize(2)
				.allSatisfy((line) -> assertThat(field(line, 2)).isEqualTo("5.00"));
		}
	}

	@Test
	void discoveryByNodeNameReturnsTheNodesAddress() throws Exception {
		List<List<String>> found = run(List.of("node " + GROUP_URIS.get(0) + " node1 10000",
				"node " + GROUP_URIS.get(2) + " node1 10000", "node " + GROUP_URIS.get(1) + " node0 10000",
				"node " + GROUP_URIS.get(0) + " nobody " + WINDOW, "node " + GROUP_URIS.get(1) + " nobody " + WINDOW));
		List<String> expected = List.of(NetworkNamespaces.nodeAddress(1), NetworkNamespaces.nodeAddress6(1),
				this.namespaces.nodeLinkLocalAddress(0));
		List<String> gets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = (i < 2) ? "node1" : "node0";
			String address = normalize(expected.get(i));
			assertThat(found.get(i)).as(name + " at " + address).singleElement().satisfies((line) -> {
				assertThat(field(line, 0)).isEqualTo("found");
				assertThat(field(line, 1)).isEqualTo(name);
				assertThat(normalize(field(line, 2))).isEqualTo(address);
				assertThat(field(line, 3)).isEqualTo("5683");
				// the first answer ends the search: the 10 s window is not waited for
				assertThat(Long.parseLong(field(line, 4))).isLessThan(5000);
			});
			gets.add("get " + field(found.get(i).get(0), 5) + "/hello");
		}
		assertThat(found.get(3)).containsExactly("none");
		assertThat(found.get(4)).containsExactly("none");
		List<List<String>> greetings = run(gets);
		for (int i = 0; i < 3; i++) {
			assertThat(greetings.get(i)).as(gets.get(i))
				.singleElement()
				.asString()
				.endsWith("hello from " + ((i < 2) ? "node1" : "node0"));
		}
	}

	@Test
	void theLoopbackSwitchServesClientsOfTheSameHost() throws Exception {
		List<List<String>> results = run(List.of("via lo nodes coap://" + LOCAL_GROUP + ":" + LOCAL_PORT + " - " + WINDOW,
				"nodes coap://" + LOCAL_GROUP + ":" + LOCAL_PORT + " - " + WINDOW));
		assertThat(results.get(0)).as("through lo").singleElement()
			.satisfies((line) -> assertNode(line, "local", "127.0.0.1", LOCAL_PORT));
		assertThat(results.get(1)).as("through br0, where that node joined the group too").singleElement()
			.satisfies((line) -> assertNode(line, "local", NetworkNamespaces.CLIENT_ADDRESS, LOCAL_PORT));
	}

	@Test
	void answersToMulticastRequestsWaitARandomLeisure() throws Exception {
		List<String> commands = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			commands.add("via lo node coap://" + LOCAL_GROUP + ":" + LOCAL_PORT + " local 5000");
		}
		List<Long> delays = new ArrayList<>();
		for (List<String> result : run(commands)) {
			assertThat(result).singleElement().satisfies((line) -> assertThat(field(line, 0)).isEqualTo("found"));
			delays.add(Long.parseLong(field(result.get(0), 4)));
		}
		// ten answers delayed uniformly within 1 s: all within 300 ms of each other has odds of 1 in 10^5
		long earliest = delays.stream().min(Long::compare).orElseThrow();
		long latest = delays.stream().max(Long::compare).orElseThrow();
		assertThat(latest - earliest).as("spread of %s", delays).isGreaterThan(300);
		assertThat(latest).as("%s", delays).isLessThan(LOCAL_LEISURE_MILLIS + 3000);
	}

	@Test
	void theUnicastSocketOnTheMulticastPortTakesNoneOfTheGroupsDatagrams() throws Exception {
		// through lo the datagrams come from 127.0.0.1, as from a client of the same host
		List<List<String>> probes = List.of(List.of("239.255.0.2", "lo"),
				List.of("239.255.0.2", NetworkNamespaces.CLIENT_INTERFACE),
				List.of("ff05::1:2", NetworkNamespaces.CLIENT_INTERFACE));
		for (List<String> probe : probes) {
			String output = this.namespaces.runInClient(NetworkNamespaces.java(GroupTrafficProbe.class,
					probe.get(0), "5685", probe.get(1), "20"), 60);
			assertThat(output).as("%s: %s", probe, output).contains("multicast=20 unicast=1");
		}
	}

	@Test
	void libcoapAsksTheGroupAndHearsOnlyTheMatchingNode() throws Exception {
		Optional<Path> libcoap = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "coap-client-notls"))
			.filter(Files::isExecutable)
			.findFirst();
		String missing = "coap-client-notls is not installed: install the Debian package libcoap3-bin";
		if (libcoap.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(missing);
		}
		assumeTrue(libcoap.isPresent(), missing);
		String output = this.namespaces.runInClient(List.of(libcoap.get().toString(), "-N", "-B", "2", "-w", "-m", "get",
				"coap://" + IPV4_GROUP + "/.well-known/core?rt=temperature"), 30);
		assertThat(output).contains("</sensor>;ep=\"node0\";rt=\"temperature\"").doesNotContain("node1");
	}

	private String expectedAddress(String group, int node) throws IOException {
		if (group.contains(LINK_LOCAL_GROUP)) {
			return this.namespaces.nodeLinkLocalAddress(node);
		}
		return group.contains(SITE_LOCAL_GROUP) ? NetworkNamespaces.nodeAddress6(node)
				: NetworkNamespaces.nodeAddress(node);
	}

	private static void assertNode(String line, String name, String address) {
		assertNode(line, name, address, 5683);
	}

	private static void assertNode(String line, String name, String address, int port) {
		assertThat(field(line, 0)).isEqualTo("node");
		assertThat(field(line, 1)).isEqualTo(name);
		assertThat(normalize(field(line, 2))).isEqualTo(normalize(address));
		assertThat(field(line, 3)).isEqualTo(String.valueOf(port));
	}

	private static void assertLink(String line, String address, String target, String name) {
		assertThat(normalize(field(line, 1))).isEqualTo(normalize(address));
		assertThat(field(line, 3)).isEqualTo(target);
		assertThat(field(line, 4)).isEqualTo(name);
	}

	private static String field(String line, int index) {
		String[] fields = line.split(" ");
		return (index < fields.length) ? fields[index] : "";
	}

	private static String normalize(String address) {
		try {
			return InetAddress.getByName(address).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}

	private Path nodeLog(int index) {
		return this.logs.resolve("node" + index + ".log");
	}

	/**
	 * Run commands of the client agent at once and return the result lines of each.
	 */
	private List<List<String>> run(List<String> commands) throws Exception {
		this.commands.println(String.join(";", commands));
		List<List<String>> results = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			results.add(new ArrayList<>());
		}
		while (true) {
			String line = readLine(Duration.ofSeconds(60));
			if (line == null || line.equals("END")) {
				break;
			}
			int bar = line.indexOf('|');
			results.get(Integer.parseInt(line.substring(0, bar))).add(line.substring(bar + 1));
		}
		for (int i = 0; i < commands.size(); i++) {
			List<String> lines = results.get(i);
			assertThat(lines).as("%s: %s", commands.get(i), lines).noneMatch((line) -> line.startsWith("error"));
		}
		return results;
	}

	private String readLine(Duration timeout) throws IOException {
		CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
			try {
				return this.results.readLine();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IOException("No answer from the client agent within " + timeout + ": "
					+ NetworkNamespaces.read(this.logs.resolve("client.log")), ex);
		}
	}

}
