package io.coapspring.interop;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the three clients nobody here wrote, or skips (fails on CI) with the package to install.
 */
final class PlugtestClients {

	static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private PlugtestClients() {
	}

	/**
	 * libcoap's {@code coap-client-notls}, Debian package {@code libcoap3-bin}.
	 */
	static PlugtestClient libcoap() {
		return LibcoapPlugtestClient.require();
	}

	/**
	 * A script on aiocoap, Debian package {@code python3-aiocoap} from bookworm-backports, run by the system
	 * Python (a Python of another installation usually lacks aiocoap).
	 */
	static PlugtestClient aiocoap() {
		requireAiocoap();
		Path script = resource("aiocoap/plugtest_client.py");
		return new ScriptedPlugtestClient("aiocoap",
				new JsonLineProcess(List.of(SYSTEM_PYTHON.toString(), script.toString()), script.getParent(),
						START_TIMEOUT));
	}

	/**
	 * A script on node-coap, npm package {@code coap}, installed from the script's {@code package-lock.json}
	 * with {@code npm ci} the first time.
	 */
	static PlugtestClient nodeCoap() {
		Path directory = Path.of(System.getProperty("interop.node-coap.directory", "src/test/resources/node-coap"));
		Path node = Peers.onPath("node").orElse(null);
		if (node == null) {
			return Peers.missing("node is not installed: install Node.js 18 or later (Debian package nodejs) and npm, "
					+ "for the npm package coap");
		}
		if (!Files.isRegularFile(directory.resolve("node_modules/coap/package.json"))) {
			Path npm = Peers.onPath("npm").orElse(null);
			if (npm == null) {
				return Peers.missing("npm is not installed: install npm (Debian package npm) for the npm package coap");
			}
			String output = ProcessOutput.run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund",
					"--prefix", directory.toAbsolutePath().toString()), Duration.ofMinutes(5));
			if (!Files.isRegularFile(directory.resolve("node_modules/coap/package.json"))) {
				return Peers.missing("npm ci could not install the npm package coap in " + directory + ":\n" + output);
			}
		}
		return new ScriptedPlugtestClient("node-coap", new JsonLineProcess(
				List.of(node.toString(), "plugtest-client.js"), directory, START_TIMEOUT));
	}

	/**
	 * Skip (fail on CI) unless the system Python has aiocoap.
	 */
	static void requireAiocoap() {
		if (!Files.isExecutable(SYSTEM_PYTHON)
				|| !ProcessOutput.run(List.of(SYSTEM_PYTHON.toString(), "-c", "import aiocoap; print('aiocoap ok')"),
						Duration.ofSeconds(30))
					.contains("aiocoap ok")) {
			Peers.missing("aiocoap is not installed for " + SYSTEM_PYTHON
					+ ": install the Debian package python3-aiocoap (from bookworm-backports)");
		}
	}

	static Path resource(String name) {
		URL url = PlugtestClients.class.getClassLoader().getResource(name);
		if (url == null) {
			throw new IllegalStateException("No test resource " + name);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
