package io.coapspring.server.dtls;

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
 * Runs a libcoap command-line client ({@code coap-client-openssl}, {@code coap-client-gnutls}) and returns what
 * it printed. libcoap exits 0 even when the handshake or the request failed, so tests judge the output.
 * <p>
 * A missing binary skips the test with a message naming the Debian package, except on CI
 * ({@code CI=true}), where it fails.
 */
final class LibcoapClient {

	private static final long TIMEOUT_SECONDS = 20;

	private final String binary;

	private LibcoapClient(String binary) {
		this.binary = binary;
	}

	static LibcoapClient require(String binary) {
		if (!isOnPath(binary)) {
			String message = binary + " is not installed: install the Debian package 'libcoap3-bin'";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
		return new LibcoapClient(binary);
	}

	private static boolean isOnPath(String binary) {
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
	 * Run the client with the given arguments; {@code -B 3} bounds its own wait for a response.
	 * @param arguments the arguments after the binary
	 * @return standard output and standard error, together
	 */
	String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.binary);
		command.add("-B");
		command.add("3");
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fail(this.binary + " did not end within " + TIMEOUT_SECONDS + " s: " + command);
			}
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return this.binary;
	}

}
