package io.coapspring.client;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A libcoap {@code coap-server-notls} process on 127.0.0.1 and a free port: a CoAP server nobody here
 * wrote; or a {@code coap-server-openssl} one, which also serves DTLS on the next port. Stopped by its PID.
 */
final class LibcoapServer implements AutoCloseable {

	static final String COMMAND = "coap-server-notls";

	static final String DTLS_COMMAND = "coap-server-openssl";

	private static final int PORT_ATTEMPTS = 20;

	private final Process process;

	private final int port;

	private final Path log;

	private LibcoapServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start a server, or skip the test when libcoap is not installed (fail instead on CI).
	 * @param arguments extra arguments, for instance {@code -d 10}
	 */
	static LibcoapServer start(String... arguments) throws IOException {
		return start(COMMAND, false, arguments);
	}

	/**
	 * Start a {@code coap-server-openssl}, which serves DTLS on the port after the plain one, or skip the test
	 * when libcoap is not installed (fail instead on CI).
	 * @param arguments the DTLS arguments, for instance {@code -k <key>} for a pre-shared key
	 */
	static LibcoapServer startDtls(String... arguments) throws IOException {
		return start(DTLS_COMMAND, true, 0, arguments);
	}

	/**
	 * Kill this {@link #startDtls DTLS server} as a crash would, so that it closes no DTLS session, and start a
	 * new one on the same ports, which knows none of the old one's sessions.
	 * @param arguments the DTLS arguments
	 */
	LibcoapServer crashAndRestartDtls(String... arguments) throws Exception {
		this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		close();
		return start(DTLS_COMMAND, true, this.port, arguments);
	}

	private static LibcoapServer start(String command, boolean dtls, String... arguments) throws IOException {
		return start(command, dtls, 0, arguments);
	}

	private static LibcoapServer start(String command, boolean dtls, int fixedPort, String... arguments)
			throws IOException {
		Path executable = executable(command).orElse(null);
		if (executable == null) {
			String message = command + " is not installed: install the Debian package libcoap3-bin";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
		int port = (fixedPort > 0) ? fixedPort : dtls ? freeUdpPortPair() : freeUdpPort();
		Path log = Files.createTempFile("libcoap-", ".log");
		List<String> commandLine = new ArrayList<>(List.of(executable.toString(), "-A", "127.0.0.1", "-p",
				String.valueOf(port), "-v", "7"));
		commandLine.addAll(List.of(arguments));
		Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new LibcoapServer(process, port, log);
	}

	static Optional<Path> executable() {
		return executable(COMMAND);
	}

	static Optional<Path> executable(String command) {
		String path = System.getenv("PATH");
		for (String directory : ((path != null) ? path : "/usr/bin:/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Return a free UDP port whose successor is free too, for a server with DTLS on the next port.
	 */
	private static int freeUdpPortPair() throws IOException {
		for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
			int port = freeUdpPort();
			if (port < 65535 && isFree(port + 1)) {
				return port;
			}
		}
		throw new IOException("No two consecutive free UDP ports after " + PORT_ATTEMPTS + " attempts");
	}

	private static boolean isFree(int port) {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	/**
	 * Return the {@code coaps} URI of a path of a {@link #startDtls DTLS server}.
	 */
	String secureUri(String path) {
		return "coaps://127.0.0.1:" + (this.port + 1) + path;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Return what the server logged so far; with {@code -v 7} it logs every PDU it receives.
	 */
	String log() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		Files.deleteIfExists(this.log);
	}

}
