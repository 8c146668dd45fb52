package io.coapspring.interop;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * An observation by a {@code coap-client-notls -s} process that runs in the background: the notifications
 * are the response PDUs it logs as received at verbosity 7, read from its log as they come.
 */
final class LibcoapObservation implements PeerObservation {

	private static final Pattern PDU = Pattern
		.compile("^v:1 t:(\\S+) c:(\\d\\.\\d\\d) i:([0-9a-f]+) \\{[0-9a-f]*\\} \\[.*\\]( :: '(.*)')?$");

	private static final Pattern ESCAPE = Pattern.compile("\\\\x([0-9A-Fa-f]{2})");

	private final Process process;

	private final Path log;

	private final List<String> command;

	private int delivered;

	private PeerResponse first;

	LibcoapObservation(List<String> command) {
		this.command = command;
		try {
			this.log = Files.createTempFile("libcoap-observe-", ".log");
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command, ex);
		}
	}

	@Override
	public synchronized PeerResponse first() {
		if (this.first == null) {
			this.first = next(Duration.ofSeconds(20));
			if (this.first == null) {
				throw new AssertionError("coap-client showed no response to its registration: " + this.command + "\n"
						+ text());
			}
		}
		return this.first;
	}

	@Override
	public PeerResponse next(Duration timeout) {
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> received().size() > this.delivered);
		}
		catch (ConditionTimeoutException ex) {
			return null;
		}
		return received().get(this.delivered++);
	}

	/**
	 * Return the responses (not the empty messages) the client logged as received, in order.
	 */
	private List<PeerResponse> received() {
		List<PeerResponse> responses = new ArrayList<>();
		boolean receivedLine = false;
		for (String line : text().split("\n")) {
			Matcher pdu = PDU.matcher(line.strip());
			if (pdu.matches()) {
				if (receivedLine && !"0.00".equals(pdu.group(2))) {
					responses.add(new PeerResponse(pdu.group(2), unescape(pdu.group(5))));
				}
				receivedLine = false;
			}
			else {
				receivedLine = line.contains(" received ") && line.contains(" bytes");
			}
		}
		return responses;
	}

	private static byte[] unescape(String text) {
		if (text == null) {
			return new byte[0];
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Matcher escape = ESCAPE.matcher(text);
		int start = 0;
		while (escape.find()) {
			bytes.writeBytes(text.substring(start, escape.start()).getBytes(StandardCharsets.UTF_8));
			bytes.writeBytes(HexFormat.of().parseHex(escape.group(1)));
			start = escape.end();
		}
		bytes.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	private String text() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void forget() {
		throw new NotExpressibleException("coap-client ends an observation only by deregistering (a GET with "
				+ "Observe 1) or by exiting; it cannot forget one and answer the next notification with RST");
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

}
