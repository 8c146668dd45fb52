package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * aiocoap ({@code oscore_peer.py}, Debian packages {@code python3-aiocoap}, {@code python3-cbor2} and
 * {@code python3-filelock}) as an OSCORE client or server. aiocoap imports the optional EDHOC module
 * {@code lakers}, which Debian does not package: an empty stub module in a temporary directory on
 * {@code PYTHONPATH} stands in for it. Each peer gets a fresh copy of its security context directory, since
 * aiocoap persists its sequence numbers there and a reused copy would make the other side detect replays.
 */
final class AiocoapOscorePeer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final JsonLineProcess process;

	private AiocoapOscorePeer(JsonLineProcess process) {
		this.process = process;
	}

	/**
	 * Start an aiocoap client that protects the requests to URIs matching the pattern.
	 */
	static AiocoapOscorePeer client(Context context, String uriPattern) {
		return start("client", context, uriPattern);
	}

	/**
	 * Start an aiocoap server on 127.0.0.1 and the port.
	 */
	static AiocoapOscorePeer server(Context context, int port) {
		return start("server", context, String.valueOf(port));
	}

	private static AiocoapOscorePeer start(String mode, Context context, String argument) {
		Path stub = requireOscore();
		try {
			Path directory = Files.createTempDirectory("aiocoap-oscore-context-");
			Files.writeString(directory.resolve("settings.json"), context.settings(), StandardCharsets.UTF_8);
			Path script = PlugtestClients.resource("aiocoap/oscore_peer.py");
			return new AiocoapOscorePeer(new JsonLineProcess(
					List.of(PlugtestClients.SYSTEM_PYTHON.toString(), script.toString(), mode, directory.toString(),
							argument),
					script.getParent(), Map.of("PYTHONPATH", stub.toString()), START_TIMEOUT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Skip (fail on CI) unless aiocoap's OSCORE transport imports, and return the directory of the stub.
	 */
	private static Path requireOscore() {
		PlugtestClients.requireAiocoap();
		try {
			Path stub = Files.createTempDirectory("aiocoap-lakers-stub-");
			Files.writeString(stub.resolve("lakers.py"),
					"# stub of the optional EDHOC module aiocoap imports; EDHOC is not used\n");
			ProcessBuilder check = new ProcessBuilder(PlugtestClients.SYSTEM_PYTHON.toString(), "-c",
					"import aiocoap.transports.oscore, aiocoap.oscore_sitewrapper; print('oscore ok')")
				.redirectErrorStream(true);
			check.environment().put("PYTHONPATH", stub.toString());
			Process started = check.start();
			String output;
			try (var in = started.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!started.waitFor(30, TimeUnit.SECONDS) || !output.contains("oscore ok")) {
				started.destroyForcibly();
				Peers.missing("aiocoap's OSCORE support does not import for " + PlugtestClients.SYSTEM_PYTHON
						+ ": install the Debian packages python3-cbor2 and python3-filelock (" + output.strip() + ")");
			}
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String version() {
		return this.process.ready().path("version").asString("unknown version");
	}

	JsonNode call(Map<String, Object> command) {
		return this.process.call(command, Duration.ofSeconds(40));
	}

	String log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

	/**
	 * The security context of the aiocoap side, in hex.
	 */
	record Context(String secret, String salt, String senderId, String recipientId) {

		String settings() {
			return "{\"secret_hex\": \"" + this.secret + "\", \"salt_hex\": \"" + this.salt + "\", \"sender-id_hex\": \""
					+ this.senderId + "\", \"recipient-id_hex\": \"" + this.recipientId + "\"}\n";
		}

	}

}
