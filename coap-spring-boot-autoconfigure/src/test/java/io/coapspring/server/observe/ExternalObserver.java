package io.coapspring.server.observe;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CoAP client nobody here wrote, run as a process whose output lines are collected as they come: libcoap's
 * {@code coap-client-notls} or an aiocoap script. A missing client skips the test with a message naming the Debian
 * package to install, except on CI ({@code CI=true}), where it fails. The process is stopped by its handle.
 */
public final class ExternalObserver implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Process process;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private ExternalObserver(List<String> command) throws IOException {
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		this.reader = new Thread(this::read, "external-observer-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Start {@code coap-client-notls} (Debian package libcoap3-bin).
	 * @param arguments its arguments
	 * @return the running client
	 */
	public static ExternalObserver libcoap(String... arguments) throws IOException {
		String binary = "coap-client-notls";
		require(isOnPath(binary), binary + " is not installed: install the Debian package 'libcoap3-bin'");
		return new ExternalObserver(concat(List.of(binary), arguments));
	}

	/**
	 * Start the aiocoap observe script of the test resources with the system Python (Debian package
	 * python3-aiocoap).
	 * @param arguments the script's arguments
	 * @return the running client
	 */
	public static ExternalObserver aiocoap(String... arguments) throws IOException, InterruptedException {
		return aiocoapScript(Path.of("src/test/resources/observe/aiocoap_observe.py"), arguments);
	}

	/**
	 * Start an aiocoap script with the system Python (Debian package python3-aiocoap).
	 * @param script the script
	 * @param arguments the script's arguments
	 * @return the running client
	 */
	public static ExternalObserver aiocoapScript(Path script, String... arguments)
			throws IOException, InterruptedException {
		String python = "/usr/bin/python3";
		require(Files.isExecutable(Path.of(python)) && hasAiocoap(python),
				"aiocoap is not installed for " + python + ": install the Debian package 'python3-aiocoap'");
		return new ExternalObserver(concat(List.of(python, script.toAbsolutePath().toString()), arguments));
	}

	private static boolean hasAiocoap(String python) throws IOException, InterruptedException {
		Process check = new ProcessBuilder(python, "-c", "import aiocoap").redirectErrorStream(true).start();
		try {
			return check.waitFor(20, TimeUnit.SECONDS) && check.exitValue() == 0;
		}
		finally {
			check.destroyForcibly();
		}
	}

	private static void require(boolean present, String message) {
		if (!present) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
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

	private static List<String> concat(List<String> head, String... tail) {
		List<String> command = new java.util.ArrayList<>(head);
		command.addAll(List.of(tail));
		return command;
	}

	private void read() {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	/**
	 * Return the lines printed so far.
	 * @return the lines
	 */
	public List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Wait until a line matches.
	 * @param description what the line is, for the failure message
	 * @param predicate the match
	 * @return this client
	 */
	public ExternalObserver awaitLine(String description, Predicate<String> predicate) {
		await().atMost(WAIT)
			.alias(description + " in the output of " + this.process.info().commandLine().orElse("?"))
			.until(() -> this.lines.stream().anyMatch(predicate));
		return this;
	}

	/**
	 * Wait until the process ended by itself.
	 * @return this client
	 */
	public ExternalObserver awaitExit() throws InterruptedException {
		if (!this.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
			fail("The client did not end; it printed " + this.lines);
		}
		this.reader.join(WAIT.toMillis());
		return this;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
