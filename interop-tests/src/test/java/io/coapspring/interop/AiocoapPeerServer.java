package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A small aiocoap server ({@code plugtest_server.py}, Debian package {@code python3-aiocoap}) on 127.0.0.1 and a
 * free port: {@code /test} answers text, {@code /store} stores what is PUT (block-wise both ways), {@code /obs} is
 * observable and changes every 300 ms.
 */
final class AiocoapPeerServer implements PeerServer {

	private final JsonLineProcess process;

	private final int port;

	private AiocoapPeerServer(JsonLineProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Start the server, or skip (fail on CI) when aiocoap is not installed.
	 */
	static PeerServer start() {
		PlugtestClients.requireAiocoap();
		try {
			int port = LibcoapPeerServer.freeUdpPort();
			Path script = PlugtestClients.resource("aiocoap/plugtest_server.py");
			JsonLineProcess process = new JsonLineProcess(List.of(PlugtestClients.SYSTEM_PYTHON.toString(),
					script.toString(), String.valueOf(port)), script.getParent(), Duration.ofSeconds(60));
			return new AiocoapPeerServer(process, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String name() {
		return "aiocoap " + this.process.ready().path("version").asString("unknown version") + " server";
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String textPath() {
		return "/test";
	}

	@Override
	public String storePath() {
		return "/store";
	}

	@Override
	public String observablePath() {
		return "/obs";
	}

	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return name();
	}

}
