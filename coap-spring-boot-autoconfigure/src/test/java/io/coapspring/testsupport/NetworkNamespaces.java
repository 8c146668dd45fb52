package io.coapspring.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Network namespaces created for a test, so that multicast traffic stays inside them: a client namespace whose
 * bridge {@code br0} (10.231.0.1/24 and fd00:231::1/64) links node namespaces, node {@code i} with
 * {@code eth0} at 10.231.0.(i+2) and fd00:231::(i+2). Every namespace has {@code lo} up, IPv4 multicast routed
 * to its interface and IPv6 duplicate address detection off, so that its addresses, link-local ones included,
 * are usable at once; the bridge ports carry no IPv6 addresses of their own, so {@code br0} is the client's only
 * route to IPv6 groups. The client namespace's {@code lo} has multicast on, for a server and a client of that
 * namespace that talk through it. The names are unique per run; {@link #close()} stops the processes started here, by
 * their PID, and deletes the namespaces. Needs root and iproute2.
 */
public final class NetworkNamespaces implements AutoCloseable {

	/** The client namespace's address on its bridge. */
	public static final String CLIENT_ADDRESS = "10.231.0.1";

	/** The client namespace's IPv6 address on its bridge. */
	public static final String CLIENT_ADDRESS_6 = "fd00:231::1";

	/** The client namespace's interface towards the nodes. */
	public static final String CLIENT_INTERFACE = "br0";

	/** The nodes' interface towards the client namespace. */
	public static final String NODE_INTERFACE = "eth0";

	private static final Pattern LINK_LOCAL = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64");

	private final String client;

	private final List<String> nodes;

	private final List<Process> processes = new ArrayList<>();

	private final Thread cleanup = new Thread(this::deleteNamespaces, "network-namespaces-cleanup");

	private NetworkNamespaces(String prefix, int nodes) {
		this.client = prefix + "-c";
		List<String> names = new ArrayList<>();
		for (int i = 0; i < nodes; i++) {
			names.add(prefix + "-n" + i);
		}
		this.nodes = List.copyOf(names);
	}

	/**
	 * Skip the calling test when namespaces cannot be created here, or fail it on CI ({@code CI=true}), which
	 * runs as root and must run it.
	 */
	public static void assumeAvailable() {
		if (available()) {
			return;
		}
		String message = "network namespaces cannot be created here: the test needs root and iproute2 ('ip netns')";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message + ", which CI provides");
		}
		abort(message);
	}

	/**
	 * Return whether namespaces can be created here.
	 * @return {@code true} if a namespace could be added and deleted
	 */
	public static boolean available() {
		String probe = "coapt" + ProcessHandle.current().pid() + "-probe";
		try {
			if (run("ip", "netns", "add", probe) != 0) {
				return false;
			}
			run("ip", "netns", "del", probe);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Create a client namespace and node namespaces.
	 * @param nodes how many node namespaces, at most 200
	 * @return the namespaces
	 * @throws IOException if a namespace or link cannot be set up; what was set up is removed again
	 */
	public static NetworkNamespaces create(int nodes) throws IOException {
		String prefix = "coapt" + ProcessHandle.current().pid()
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000));
		NetworkNamespaces namespaces = new NetworkNamespaces(prefix, nodes);
		Runtime.getRuntime().addShutdownHook(namespaces.cleanup);
		try {
			namespaces.build();
		}
		catch (IOException | RuntimeException ex) {
			namespaces.close();
			throw ex;
		}
		return namespaces;
	}

	private void build() throws IOException {
		addNamespace(this.client);
		ip("-n", this.client, "link", "add", CLIENT_INTERFACE, "type", "bridge", "mcast_snooping", "0");
		ip("-n", this.client, "addr", "add", CLIENT_ADDRESS + "/24", "dev", CLIENT_INTERFACE);
		ip("-n", this.client, "addr", "add", CLIENT_ADDRESS_6 + "/64", "dev", CLIENT_INTERFACE, "nodad");
		ip("-n", this.client, "link", "set", CLIENT_INTERFACE, "up");
		for (int i = 0; i < this.nodes.size(); i++) {
			String node = this.nodes.get(i);
			String port = "p" + i;
			addNamespace(node);
			ip("-n", this.client, "link", "add", port, "type", "veth", "peer", "name", NODE_INTERFACE, "netns", node);
			sysctl(this.client, "net.ipv6.conf." + port + ".disable_ipv6=1");
			ip("-n", this.client, "link", "set", port, "master", CLIENT_INTERFACE);
			ip("-n", this.client, "link", "set", port, "up");
			ip("-n", node, "addr", "add", nodeAddress(i) + "/24", "dev", NODE_INTERFACE);
			ip("-n", node, "addr", "add", nodeAddress6(i) + "/64", "dev", NODE_INTERFACE, "nodad");
			ip("-n", node, "link", "set", NODE_INTERFACE, "up");
			ip("-n", node, "route", "add", "224.0.0.0/4", "dev", NODE_INTERFACE);
		}
		ip("-n", this.client, "route", "add", "224.0.0.0/4", "dev", CLIENT_INTERFACE);
		// for servers and clients that talk to each other through the client namespace's loopback interface
		ip("-n", this.client, "link", "set", "lo", "multicast", "on");
	}

	private static void addNamespace(String name) throws IOException {
		ip("netns", "add", name);
		sysctl(name, "net.ipv6.conf.all.accept_dad=0");
		sysctl(name, "net.ipv6.conf.default.accept_dad=0");
		ip("-n", name, "link", "set", "lo", "up");
	}

	/**
	 * Return the IPv4 address of node {@code index}.
	 * @param index the node
	 * @return the address
	 */
	public static String nodeAddress(int index) {
		return "10.231.0." + (index + 2);
	}

	/**
	 * Return the IPv6 (unique local) address of node {@code index}.
	 * @param index the node
	 * @return the address
	 */
	public static String nodeAddress6(int index) {
		return "fd00:231::" + (index + 2);
	}

	/**
	 * Return the number of node namespaces.
	 * @return the count
	 */
	public int nodeCount() {
		return this.nodes.size();
	}

	/**
	 * Return the link-local IPv6 address of node {@code index} on its interface.
	 * @param index the node
	 * @return the address, without zone
	 * @throws IOException if it cannot be read
	 */
	public String nodeLinkLocalAddress(int index) throws IOException {
		String output = output(List.of("ip", "-n", this.nodes.get(index), "-6", "addr", "show", "dev", NODE_INTERFACE,
				"scope", "link"), 10);
		Matcher matcher = LINK_LOCAL.matcher(output);
		if (!matcher.find()) {
			throw new IOException("No link-local address on node " + index + ": " + output);
		}
		return matcher.group(1);
	}

	/**
	 * Start a process in node namespace {@code index}; it is stopped by {@link #close()}.
	 * @param index the node
	 * @param log the file its output goes to
	 * @param command the command line
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public Process startInNode(int index, Path log, String... command) throws IOException {
		return start(this.nodes.get(index), ProcessBuilder.Redirect.to(log.toFile()), List.of(command));
	}

	/**
	 * Start a process in node namespace {@code index} whose output is discarded; it is stopped by
	 * {@link #close()}.
	 * @param index the node
	 * @param command the command line
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public Process startInNode(int index, String... command) throws IOException {
		return start(this.nodes.get(index), ProcessBuilder.Redirect.DISCARD, List.of(command));
	}

	/**
	 * Start a process in the client namespace with its standard input and output piped to this JVM, and its
	 * errors to a file; it is stopped by {@link #close()}.
	 * @param errors the file its standard error goes to
	 * @param command the command line
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public Process startInClient(Path errors, List<String> command) throws IOException {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", this.client));
		line.addAll(command);
		Process process = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
		this.processes.add(process);
		return process;
	}

	/**
	 * Start a process in the client namespace whose output goes to a file; it is stopped by {@link #close()}.
	 * @param log the file its output goes to
	 * @param command the command line
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public Process startInClient(Path log, String... command) throws IOException {
		return start(this.client, ProcessBuilder.Redirect.to(log.toFile()), List.of(command));
	}

	private Process start(String namespace, ProcessBuilder.Redirect output, List<String> command) throws IOException {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		line.addAll(command);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output).start();
		this.processes.add(process);
		return process;
	}

	/**
	 * Return whether something listens on a UDP port in node namespace {@code index}.
	 * @param index the node
	 * @param port the port
	 * @return {@code true} if a socket is bound to it
	 * @throws IOException if {@code ss} cannot be run
	 * @throws InterruptedException if interrupted
	 */
	public boolean isListening(int index, int port) throws IOException, InterruptedException {
		return output(List.of("ip", "netns", "exec", this.nodes.get(index), "ss", "-lun"), 10)
			.contains(":" + port + " ");
	}

	/**
	 * Run a command in the client namespace and return its output.
	 * @param command the command line
	 * @param timeoutSeconds how long it may run
	 * @return its standard output and error
	 * @throws IOException if it cannot be run
	 * @throws InterruptedException if interrupted
	 */
	public String runInClient(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", this.client));
		line.addAll(command);
		return output(line, timeoutSeconds);
	}

	/**
	 * Return the java command of this JVM with the test class path, to run a main class in a namespace.
	 * @param mainClass the class to run
	 * @param arguments its arguments
	 * @return the command line
	 */
	public static List<String> java(Class<?> mainClass, String... arguments) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", testClassPath(), mainClass.getName()));
		command.addAll(List.of(arguments));
		return command;
	}

	private static String testClassPath() {
		String classPath = System.getProperty("java.class.path");
		if (!classPath.contains("test-classes")) {
			classPath = System.getProperty("surefire.test.class.path", classPath);
		}
		if (!classPath.contains("test-classes") || !classPath.contains(File.pathSeparator)) {
			throw new IllegalStateException("Cannot find the test class path in " + classPath);
		}
		return classPath;
	}

	/**
	 * Read a file a process writes to, tolerating its absence.
	 * @param file the file
	 * @return its content, empty if it does not exist
	 */
	public static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(cannot read " + file + ": " + ex + ")";
		}
	}

	private static String output(List<String> command, long timeoutSeconds) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				throw new IOException("Timed out: " + command);
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + command, ex);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static void sysctl(String namespace, String setting) throws IOException {
		if (run("ip", "netns", "exec", namespace, "sysctl", "-q", "-w", setting) != 0) {
			throw new IOException("Failed: sysctl -w " + setting + " in " + namespace);
		}
	}

	private static void ip(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("ip"));
		command.addAll(List.of(arguments));
		if (run(command.toArray(new String[0])) != 0) {
			throw new IOException("Failed: " + String.join(" ", command));
		}
	}

	private static int run(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return -1;
		}
	}

	/**
	 * Stop the processes started here, gracefully first, and delete the namespaces.
	 */
	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(15, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		deleteNamespaces();
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanup);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down and runs the hook itself
		}
	}

	private void deleteNamespaces() {
		for (String namespace : this.nodes) {
			delete(namespace);
		}
		delete(this.client);
	}

	private static void delete(String namespace) {
		try {
			run("ip", "netns", "del", namespace);
		}
		catch (IOException ex) {
			// already gone
		}
	}

}
