package io.coapspring.benchmarks.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} (Debian package {@code redis-server}) that a measurement starts on a free port of
 * 127.0.0.1, without persistence, in its own temporary directory, and stops by its PID.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RedisProcess implements AutoCloseable {

	private static final List<String> LOCATIONS = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server",
			"/usr/sbin/redis-server");

	private final Process process;

	private final int port;

	private final Path directory;

	private RedisProcess(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Return where {@code redis-server} is installed, if it is.
	 * @return its path
	 */
	public static Optional<String> binary() {
		return LOCATIONS.stream().filter((location) -> Files.isExecutable(Path.of(location))).findFirst();
	}

	/**
	 * Start {@code redis-server} on a free loopback port and wait (at most 10 s) until it accepts connections.
	 * @return the running server
	 * @throws IOException if it is not installed or does not come up
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static RedisProcess start() throws IOException, InterruptedException {
		String binary = binary().orElseThrow(() -> new IOException(
				"redis-server is not installed: 'apt-get install redis-server' to run this measurement"));
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Path directory = Files.createTempDirectory("coap-redis-bench");
		Process process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no", "--protected-mode", "no")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("redis.out").toFile())
			.start();
		RedisProcess redis = new RedisProcess(process, port, directory);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!redis.accepts()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				redis.close();
				throw new IOException("redis-server did not start on port " + port + ": "
						+ Files.readString(directory.resolve("redis.out")));
			}
			process.waitFor(50, TimeUnit.MILLISECONDS);
		}
		return redis;
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Return the port.
	 * @return the port on 127.0.0.1
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stop the server by its PID (SIGTERM, SIGKILL after 5 s) and delete its directory.
	 */
	@Override
	public void close() {
		ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (var files = Files.walk(this.directory)) {
			files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the temporary directory stays
		}
	}

}
