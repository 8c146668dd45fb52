package io.coapspring.transport.tcp;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A CoAP server nobody here wrote, listening on a free loopback TCP port: libcoap's
 * {@code coap-server-notls} or {@code coap-server-openssl} (TLS), or aiocoap's {@code aiocoap-fileserver}. A missing server skips the test (fails on
 * CI). It is stopped by its process handle.
 */
public final class ExternalServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private ExternalServer(List<String> command, int port) throws IOException {
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		this.port = port;
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(this::accepts);
	}

	static ExternalServer libcoap() throws IOException {
		ExternalClient.require(ExternalClient.isOnPath("coap-server-notls"),
				"coap-server-notls is not installed: install the Debian package 'libcoap3-bin'");
		int port = freePort();
		return new ExternalServer(List.of("coap-server-notls", "-A", "127.0.0.1", "-p", String.valueOf(port)), port);
	}

	/**
	 * libcoap's {@code coap-server-openssl}, whose TLS port (the one returned by {@link #port()}) is the next
	 * one after its plain port; it needs a client certificate that chains to the CA file.
	 * @param certificate the server's certificate (PEM)
	 * @param privateKey the server's private key (PEM)
	 * @param clientCa the CA certificates client certificates must chain to (PEM)
	 * @return the running server
	 */
	static ExternalServer libcoapTls(Path certificate, Path privateKey, Path clientCa) throws IOException {
		ExternalClient.require(ExternalClient.isOnPath("coap-server-openssl"),
				"coap-server-openssl is not installed: install the Debian package 'libcoap3-bin'");
		int port = freePortPair();
		return new ExternalServer(List.of("coap-server-openssl", "-A", "127.0.0.1", "-p", String.valueOf(port), "-c",
				certificate.toString(), "-j", privateKey.toString(), "-C", clientCa.toString()), port + 1);
	}

	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port = freePort();
			try (ServerSocket next = new ServerSocket(port + 1)) {
				return port;
			}
			catch (IOException ex) {
				// the next port is taken: try another pair
			}
		}
		throw new IOException("no two consecutive free TCP ports found");
	}

	public static ExternalServer aiocoapFileserver(Path directory) throws IOException {
		ExternalClient.require(ExternalClient.isOnPath("aiocoap-fileserver"),
				"aiocoap-fileserver is not installed: install the Debian package 'python3-aiocoap'");
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of("aiocoap-fileserver", "--bind", "127.0.0.1:" + port, directory.toString()));
		return new ExternalServer(command, port);
	}

	private boolean accepts() throws IOException {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("server ended with " + this.process.exitValue());
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
