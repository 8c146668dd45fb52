package io.coapspring.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Three network namespaces created for a test, so that multicast traffic stays inside them: a client
 * namespace whose bridge {@code br0} (10.231.0.1/24) links two node namespaces (10.231.0.2 and 10.231.0.3),
 * with IPv4 multicast routed to the bridge. Needs root and iproute2; {@link #close()} removes everything.
 */
final class NetworkNamespaces implements AutoCloseable {

	static final String CLIENT_ADDRESS = "10.231.0.1";

	static final List<String> NODE_ADDRESSES = List.of("10.231.0.2", "10.231.0.3");

	private final String client;

	private final List<String> nodes;

	private final List<Process> processes = new ArrayList<>();

	private NetworkNamespaces(String prefix) {
		this.client = prefix + "-c";
		this.nodes = List.of(prefix + "-n0", prefix + "-n1");
	}

	/**
	 * Return whether namespaces can be created here.
	 */
	static boolean available() {
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

	static NetworkNamespaces create() throws IOException {
		String prefix = "coapt" + ProcessHandle.current().pid() + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000));
		NetworkNamespaces namespaces = new NetworkNamespaces(prefix);
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
		ip("netns", "add", this.client);
		ip("-n", this.client, "link", "set", "lo", "up");
		ip("-n", this.client, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
		ip("-n", this.client, "addr", "add", CLIENT_ADDRESS + "/24", "dev", "br0");
		ip("-n", this.client, "link", "set", "br0", "up");
		for (int i = 0; i < this.nodes.size(); i++) {
			String node = this.nodes.get(i);
			ip("netns", "add", node);
			ip("-n", node, "link", "set", "lo", "up");
			ip("-n", this.client, "link", "add", "p" + i, "type", "veth", "peer", "name", "eth0", "netns", node);
			ip("-n", this.client, "link", "set", "p" + i, "master", "br0");
			ip("-n", this.client, "link", "set", "p" + i, "up");
			ip("-n", node, "addr", "add", NODE_ADDRESSES.get(i) + "/24", "dev", "eth0");
			ip("-n", node, "link", "set", "eth0", "up");
			ip("-n", node, "route", "add", "224.0.0.0/4", "dev", "eth0");
		}
		ip("-n", this.client, "route", "add", "224.0.0.0/4", "dev", "br0");
	}

	/**
	 * Start a process in node namespace {@code index}; it is stopped by {@link #close()}.
	 */
	Process startInNode(int index, String... command) throws IOException {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", this.nodes.get(index)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		this.processes.add(process);
		return process;
	}

	/**
	 * Return whether something listens on a UDP port in node namespace {@code index}.
	 */
	boolean isListening(int index, int port) throws IOException, InterruptedException {
		return output(List.of("ip", "netns", "exec", this.nodes.get(index), "ss", "-lun"), 10).contains(":" + port + " ");
	}

	/**
	 * Run a command in the client namespace and return its output.
	 */
	String runInClient(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", this.client));
		line.addAll(command);
		return output(line, timeoutSeconds);
	}

	private static String output(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Timed out: " + command);
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
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

	@Override
	public void close() throws IOException {
		for (Process process : this.processes) {
			process.destroy();
			try {
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		run("ip", "netns", "del", this.client);
		for (String node : this.nodes) {
			run("ip", "netns", "del", node);
		}
	}

}
