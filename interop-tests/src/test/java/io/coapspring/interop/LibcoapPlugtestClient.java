package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * libcoap's {@code coap-client-notls} (Debian package {@code libcoap3-bin}): one process per request. It
 * exits with 0 even on 4.xx and 5.xx responses, so its output is judged: the payload it writes with
 * {@code -o}, and the code of the last response PDU it logs at verbosity 7.
 */
final class LibcoapPlugtestClient implements PlugtestClient {

	static final String COMMAND = "coap-client-notls";

	private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)");

	private static final Pattern PDU = Pattern.compile("^v:1 t:(\\S+) c:(\\d\\.\\d\\d) i:([0-9a-f]+) .*");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Path executable;

	private final String version;

	private final Path directory;

	private LibcoapPlugtestClient(Path executable) {
		this.executable = executable;
		Matcher version = VERSION.matcher(ProcessOutput.run(List.of(executable.toString(), "-h", "x"),
				Duration.ofSeconds(10)));
		this.version = version.find() ? version.group(1) : "unknown version";
		try {
			this.directory = Files.createTempDirectory("libcoap-client-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the client, or skip (fail on CI) when libcoap is not installed.
	 */
	static LibcoapPlugtestClient require() {
		return Peers.onPath(COMMAND)
			.map(LibcoapPlugtestClient::new)
			.orElseGet(() -> Peers.missing(COMMAND + " is not installed: install the Debian package libcoap3-bin"));
	}

	@Override
	public String name() {
		return "libcoap " + this.version;
	}

	@Override
	public void startSession() {
		// every request is a process of its own
	}

	@Override
	public PeerResponse send(PeerRequest request) {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "-v", "7", "-B", "20", "-m",
				request.method().toLowerCase(Locale.ROOT)));
		if (request.nonConfirmable()) {
			command.add("-N");
		}
		if (request.token() != null) {
			if (request.token().length == 0) {
				throw new NotExpressibleException("coap-client always sends a token of at least one byte "
						+ "(an empty -T value still sends one)");
			}
			command.addAll(List.of("-T", new String(request.token(), StandardCharsets.US_ASCII)));
		}
		if (request.accept() != null) {
			command.addAll(List.of("-A", String.valueOf(request.accept())));
		}
		if (request.contentFormat() != null) {
			command.addAll(List.of("-t", String.valueOf(request.contentFormat())));
		}
		for (byte[] etag : request.etags()) {
			command.addAll(List.of("-O", "4,0x" + HexFormat.of().formatHex(etag)));
		}
		for (byte[] etag : request.ifMatch()) {
			command.addAll(List.of("-O", "1,0x" + HexFormat.of().formatHex(etag)));
		}
		if (request.ifNoneMatch()) {
			command.addAll(List.of("-O", "5,"));
		}
		Integer blockSize = (request.block1Size() != null) ? request.block1Size() : request.block2Size();
		if (blockSize != null) {
			command.addAll(List.of("-b", String.valueOf(blockSize)));
		}
		try {
			Path payload = Files.createTempFile(this.directory, "payload-", ".bin");
			Path output = Files.createTempFile(this.directory, "output-", ".bin");
			try {
				if (request.payload().length > 0) {
					Files.write(payload, request.payload());
					command.addAll(List.of("-f", payload.toString()));
				}
				command.addAll(List.of("-o", output.toString(), request.uri()));
				String log = ProcessOutput.run(command, TIMEOUT);
				return new PeerResponse(lastResponseCode(log, command), Files.readAllBytes(output));
			}
			finally {
				Files.deleteIfExists(payload);
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the code of the last response libcoap logged as received.
	 */
	private static String lastResponseCode(String log, List<String> command) {
		String code = null;
		boolean received = false;
		for (String line : log.split("\n")) {
			Matcher pdu = PDU.matcher(line.strip());
			if (pdu.matches()) {
				if (received && !"0.00".equals(pdu.group(2))) {
					code = pdu.group(2);
				}
				received = false;
			}
			else {
				received = line.contains(" received ") && line.contains(" bytes");
			}
		}
		if (code == null) {
			throw new AssertionError("coap-client received no response: " + String.join(" ", command) + "\n" + log);
		}
		return code;
	}

	/**
	 * Observe for up to a minute in a background process ({@code -s 60}); an explicit token is not used.
	 */
	@Override
	public PeerObservation observe(PeerRequest request) {
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "-v", "7", "-B", "60", "-s",
				"60", "-m", "get"));
		if (request.nonConfirmable()) {
			command.add("-N");
		}
		command.add(request.uri());
		LibcoapObservation observation = new LibcoapObservation(command);
		observation.first();
		return observation;
	}

	/**
	 * coap-client has no ping command, but {@code -K} sends a CoAP ping after a second without traffic; an
	 * observation of a resource that does not change for a while ({@code -s}) keeps it waiting that long.
	 */
	@Override
	public void ping(String observableUri) {
		List<String> command = List.of(this.executable.toString(), "-v", "7", "-B", "3", "-s", "2", "-K", "1", "-m",
				"get", observableUri);
		String log = ProcessOutput.run(command, TIMEOUT);
		if (!log.contains("t:RST c:0.00")) {
			throw new AssertionError("coap-client got no RST for its ping: " + String.join(" ", command) + "\n" + log);
		}
	}

	@Override
	public void close() {
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	@Override
	public String toString() {
		return name();
	}

}
