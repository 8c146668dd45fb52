package io.coapspring.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.coapspring.benchmarks.load.CoapCodec;
import io.coapspring.benchmarks.load.CoapProbe;

/**
 * A scenario server running as its own process: started from a command line with a free loopback port,
 * ready once it answers a CoAP GET, stopped by its PID (SIGTERM, then SIGKILL after a grace period). Every
 * process still running when the harness exits is stopped by a shutdown hook, again by PID.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class ServerProcess implements AutoCloseable {

	private static final Set<ServerProcess> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(ServerProcess::close)));
	}

	private final String name;

	private final Process process;

	private final InetSocketAddress address;

	private final Path log;

	private ServerProcess(String name, Process process, InetSocketAddress address, Path log) {
		this.name = name;
		this.process = process;
		this.address = address;
		this.log = log;
	}

	/**
	 * Start a server on a free loopback port and wait until it answers.
	 * @param server what to start
	 * @param logDirectory where its output goes
	 * @param startTimeout how long it may take to answer
	 * @return the running server
	 * @throws IOException if it cannot be started or does not become ready
	 */
	static ServerProcess start(ServerDefinition server, Path logDirectory, Duration startTimeout) throws IOException {
		int port = freePort();
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(server.name() + "-" + port + ".log");
		List<String> command = server.command().apply(port);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		if (server.directory() != null) {
			builder.directory(new File(server.directory().toString()));
		}
		Process process = builder.start();
		ServerProcess started = new ServerProcess(server.name(), process,
				new InetSocketAddress(InetAddress.getLoopbackAddress(), port), log);
		running.add(started);
		try {
			started.awaitReady(server.readinessPath(), startTimeout);
		}
		catch (IOException | RuntimeException ex) {
			started.close();
			throw ex;
		}
		return started;
	}

	private void awaitReady(String path, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() - deadline < 0) {
			if (!this.process.isAlive()) {
				throw new IOException(this.name + " exited with " + this.process.exitValue() + " before it was ready; see "
						+ this.log);
			}
			CoapProbe.Response response = CoapProbe.request(this.address, CoapCodec.GET, path, null,
					Duration.ofMillis(250));
			if (response != null && response.isSuccess()) {
				return;
			}
		}
		throw new IOException(this.name + " did not answer GET " + path + " within " + timeout + "; see " + this.log);
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	InetSocketAddress address() {
		return this.address;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stop the process by its PID: SIGTERM, and SIGKILL if it has not exited after 20 seconds.
	 */
	@Override
	public void close() {
		running.remove(this);
		ProcessHandle handle = this.process.toHandle();
		if (!handle.isAlive()) {
			return;
		}
		handle.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				handle.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			handle.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
