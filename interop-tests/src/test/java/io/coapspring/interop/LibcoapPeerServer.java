package io.coapspring.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libcoap's example server {@code coap-server-notls} (Debian package {@code libcoap3-bin}) on 127.0.0.1 and a
 * free port: {@code /} answers text, {@code /example_data} stores what is PUT (block-wise both ways),
 * {@code /time} is observable and changes every second. Stopped by its process handle.
 */
final class LibcoapPeerServer implements PeerServer {

	static final String COMMAND = "coap-server-notls";

	private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)");

	private final Process process;

	private final int port;

	private final String version;

	private final Path log;

	private LibcoapPeerServer(Path executable) {
		// an unknown option makes it print its usage, with the version, and exit
		Matcher version = VERSION.matcher(ProcessOutput.run(List.of(executable.toString(), "-Z"),
				Duration.ofSeconds(10)));
		this.version = version.find() ? version.group(1) : "unknown version";
		try {
			this.port = freeUdpPort();
			this.log = Files.createTempFile("libcoap-server-", ".log");
			this.process = new ProcessBuilder(executable.toString(), "-A", "127.0.0.1", "-p", String.valueOf(this.port),
					"-d", "10")
				.redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + COMMAND, ex);
		}
	}

	/**
	 * Start the server, or skip (fail on CI) when libcoap is not installed.
	 */
	static PeerServer start() {
		return Peers.onPath(COMMAND)
			.<PeerServer>map(LibcoapPeerServer::new)
			.orElseGet(() -> Peers.missing(COMMAND + " is not installed: install the Debian package libcoap3-bin"));
	}

	static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			return socket.getLocalPort();
		}
	}

	@Override
	public String name() {
		return "libcoap " + this.version + " coap-server";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String textPath() {
		return "/";
	}

	@Override
	public String storePath() {
		return "/example_data";
	}

	@Override
	public String observablePath() {
		return "/time";
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.log);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// a temporary file
		}
	}

	@Override
	public String toString() {
		return name();
	}

}
