package io.coapspring.transport.tcp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CoAP client nobody here wrote, run as a process: libcoap's {@code coap-client-*} or aiocoap's
 * {@code aiocoap-client}. A missing client skips the test with a message naming the Debian package, except on
 * CI ({@code CI=true}), where it fails. The process is stopped by its handle.
 */
public final class ExternalClient {

	private static final long TIMEOUT_SECONDS = 30;

	private final List<String> command;

	private ExternalClient(List<String> command) {
		this.command = command;
	}

	/**
	 * A libcoap client; {@code -B 5} bounds its own wait.
	 * @param binary for instance {@code coap-client-notls}
	 * @return the client
	 */
	public static ExternalClient libcoap(String binary) {
		require(isOnPath(binary), binary + " is not installed: install the Debian package 'libcoap3-bin'");
		return new ExternalClient(List.of(binary, "-B", "5"));
	}

	/**
	 * aiocoap's command-line client.
	 * @return the client
	 */
	public static ExternalClient aiocoap() {
		require(isOnPath("aiocoap-client"),
				"aiocoap-client is not installed: install the Debian package 'python3-aiocoap'");
		return new ExternalClient(List.of("aiocoap-client"));
	}

	public static void require(boolean present, String message) {
		if (!present) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
	}

	static boolean isOnPath(String binary) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, binary))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Start the client.
	 * @param arguments the arguments after the binary
	 * @return the running process, output and error merged
	 */
	public Process start(String... arguments) throws IOException {
		List<String> full = new ArrayList<>(this.command);
		full.addAll(List.of(arguments));
		return new ProcessBuilder(full).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
	}

	/**
	 * Run the client to its end.
	 * @param arguments the arguments after the binary
	 * @return what it printed
	 */
	public String run(String... arguments) throws IOException, InterruptedException {
		return output(start(arguments));
	}

	/**
	 * Wait for a started client to end and return what it printed.
	 * @param process the client
	 * @return its output
	 */
	public static String output(Process process) throws IOException, InterruptedException {
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fail("client did not end within " + TIMEOUT_SECONDS + " s: "
						+ process.info().commandLine().orElse("?"));
			}
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}
	}

}
