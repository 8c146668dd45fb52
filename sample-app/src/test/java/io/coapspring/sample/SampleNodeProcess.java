package io.coapspring.sample;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * The sample application as a child JVM, as a node of a cluster runs it: {@code SampleApplication} from the test
 * runtime class path (the sample's jar is not packaged yet in the {@code test} phase) without the sample's test
 * classes, on loopback ports it picks itself (read from its log), its output in a temporary file.
 * {@link #kill()} ends it by its PID with SIGKILL, as a crash would; {@link #close()} stops it by its PID if it
 * still runs.
 */
final class SampleNodeProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern LWM2M_PORT = Pattern.compile("LWM2M server listening on coap://127\\.0\\.0\\.1:(\\d+)");

	private static final Pattern COAP_PORT = Pattern.compile("CoAP server started on udp 127\\.0\\.0\\.1:(\\d+)");

	private volatile int httpPort;

	private volatile int coapPort;

	private volatile int lwm2mPort;

	private volatile @Nullable RestClient http;

	private SampleNodeProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Start a node; it is not ready before {@link #awaitStarted(Duration)}.
	 * @param name the node's name (its {@code coap.cluster.node-id})
	 * @param arguments further command-line arguments ({@code --key=value})
	 * @return the started process
	 * @throws IOException if it cannot be started
	 */
	static SampleNodeProcess start(String name, String... arguments) throws IOException {
		Path log = Files.createTempFile("coap-sample-" + name, ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(),
				SampleApplication.class.getName(), "--spring.profiles.active=cluster",
				"--coap.cluster.node-id=" + name, "--server.port=0", "--server.address=127.0.0.1",
				"--management.server.port=-1", "--coap.server.port=0", "--coap.server.address=127.0.0.1",
				"--coap.lwm2m.server.address=127.0.0.1", "--coap.lwm2m.server.port=0",
				"--coap.lwm2m.server.dtls.port=0", "--spring.main.banner-mode=off",
				// every port is picked by the node itself (a port chosen here could be taken by then); these
				// log lines say which
				"--logging.level.org.springframework.boot.tomcat=INFO",
				"--logging.level.io.coapspring.lwm2m.server=INFO", "--logging.level.io.coapspring.server.context=INFO"));
		command.addAll(Arrays.asList(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new SampleNodeProcess(name, process, log);
	}

	/**
	 * The test runtime class path without the sample's own test classes (their configurations are not part of
	 * the application).
	 */
	private static String classPath() {
		Path testClasses;
		try {
			testClasses = Path.of(SampleNodeProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isEmpty() && !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Wait until the node has logged its HTTP, CoAP and LWM2M ports and answers HTTP (its LWM2M server and cluster mode
	 * are up by then).
	 * @param timeout how long to wait
	 */
	void awaitStarted(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited: " + log());
			}
			String log = log();
			Matcher http = HTTP_PORT.matcher(log);
			Matcher lwm2m = LWM2M_PORT.matcher(log);
			Matcher coap = COAP_PORT.matcher(log);
			if (!http.find() || !lwm2m.find() || !coap.find()) {
				return false;
			}
			this.httpPort = Integer.parseInt(http.group(1));
			this.coapPort = Integer.parseInt(coap.group(1));
			this.lwm2mPort = Integer.parseInt(lwm2m.group(1));
			try {
				return http().get().uri("/api/lwm2m/devices").retrieve().toBodilessEntity().getStatusCode()
					.is2xxSuccessful();
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	String name() {
		return this.name;
	}

	int coapPort() {
		return this.coapPort;
	}

	int lwm2mPort() {
		return this.lwm2mPort;
	}

	RestClient http() {
		RestClient client = this.http;
		if (client == null) {
			client = RestClient.builder()
				.baseUrl("http://127.0.0.1:" + this.httpPort)
				.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
					// the tests look at the status themselves
				})
				.build();
			this.http = client;
		}
		return client;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Kill the node by its PID with SIGKILL, as a crash would, and wait until it is gone.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void kill() throws InterruptedException {
		ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " (PID " + this.process.pid() + ") survived SIGKILL");
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			// best effort: the log stays in the temporary directory
		}
	}

}
