package io.coapspring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A real {@code redis-server} (Debian package {@code redis-server}) started for a test on a free loopback port,
 * without persistence, in its own temporary directory, and stopped by its PID. {@link #start()} skips the calling
 * test when the binary is missing, or fails it on CI ({@code CI=true}), which installs it. {@link #stop()} and
 * {@link #restart()} simulate Redis going away and coming back on the same port (empty, since nothing is
 * persisted).
 */
public final class RedisServer implements AutoCloseable {

	private static final List<String> LOCATIONS = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
			"/usr/sbin/redis-server");

	private final String binary;

	private final Path directory;

	private final int port;

	private @Nullable Process process;

	private RedisServer(String binary, Path directory, int port) {
		this.binary = binary;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Start a Redis server on a free port of 127.0.0.1, or skip (fail on CI) when {@code redis-server} is not
	 * installed.
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	public static RedisServer start() throws IOException {
		String binary = locate();
		if (binary == null) {
			String message = "redis-server is not installed: 'apt-get install redis-server' to run this test";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI installs it in .ci/run)");
			}
			abort(message);
		}
		Path directory = Files.createTempDirectory("coap-redis");
		IOException last = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			RedisServer server = new RedisServer(binary, directory, freePort());
			try {
				server.launch();
				return server;
			}
			catch (IOException ex) {
				server.stop();
				last = ex;
			}
		}
		throw last;
	}

	/**
	 * Return whether {@code redis-server} is installed here.
	 * @return {@code true} if it is
	 */
	public static boolean installed() {
		return locate() != null;
	}

	private static @Nullable String locate() {
		return LOCATIONS.stream().filter((location) -> Files.isExecutable(Path.of(location))).findFirst().orElse(null);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void launch() throws IOException {
		this.process = new ProcessBuilder(this.binary, "--port", String.valueOf(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.directory.toString(), "--daemonize", "no",
				"--protected-mode", "no", "--logfile", this.directory.resolve("redis.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.out").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
				if (this.process == null || !this.process.isAlive()) {
					throw new IOException("redis-server exited: " + log());
				}
				return ping();
			});
		}
		catch (RuntimeException ex) {
			throw new IOException("redis-server did not answer PING on port " + this.port + ": " + log(), ex);
		}
	}

	/**
	 * Return the port.
	 * @return the port on 127.0.0.1
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Return the PID of the running server.
	 * @return the PID
	 */
	public long getPid() {
		Process current = this.process;
		if (current == null) {
			throw new IllegalStateException("redis-server is stopped");
		}
		return current.pid();
	}

	/**
	 * Return whether the server answers {@code PING}.
	 * @return {@code true} if it answered {@code +PONG}
	 */
	public boolean ping() {
		try {
			return "+PONG".equals(command("PING"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Send one inline command and return the first line of the answer.
	 * @param command the command, e.g. {@code DBSIZE}
	 * @return the first line of the answer
	 * @throws IOException if the server cannot be reached
	 */
	public String command(String command) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}
	}

	/**
	 * Stop the server by its PID (SIGTERM, then SIGKILL after 5 s); the port stays reserved for
	 * {@link #restart()}.
	 */
	public void stop() {
		Process current = this.process;
		this.process = null;
		if (current == null) {
			return;
		}
		ProcessHandle handle = ProcessHandle.of(current.pid()).orElse(null);
		if (handle == null) {
			return;
		}
		handle.destroy();
		try {
			if (!current.waitFor(5, TimeUnit.SECONDS)) {
				handle.destroyForcibly();
				current.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stop the server and start a new, empty one on the same port.
	 * @throws IOException if it cannot be started again
	 */
	public void restart() throws IOException {
		stop();
		launch();
	}

	@Override
	public void close() {
		stop();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the temporary directory is left behind
		}
	}

	private String log() {
		try {
			Path log = this.directory.resolve("redis.log");
			return Files.exists(log) ? Files.readString(log) : Files.readString(this.directory.resolve("redis.out"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

}
