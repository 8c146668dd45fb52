package io.coapspring.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client script (aiocoap, node-coap) that takes one JSON command per line on its standard input and answers
 * each with one JSON line; its standard error goes to a log file that failures quote. Stopped by its process
 * handle.
 */
final class JsonLineProcess implements AutoCloseable {

	private static final String END = "\u0000end";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final OutputStream commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private final Path log;

	private final Thread reader;

	private final JsonNode ready;

	JsonLineProcess(List<String> command, Path workingDirectory, Duration startTimeout) {
		this(command, workingDirectory, Map.of(), startTimeout);
	}

	JsonLineProcess(List<String> command, Path workingDirectory, Map<String, String> environment,
			Duration startTimeout) {
		try {
			this.log = Files.createTempFile("interop-client-", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectError(this.log.toFile());
			builder.environment().putAll(environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + command, ex);
		}
		this.commands = this.process.getOutputStream();
		this.reader = new Thread(this::readAnswers, "interop-client-" + this.process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
		this.ready = answer(startTimeout, "start");
	}

	/**
	 * Return the first line the script printed, once ready.
	 */
	JsonNode ready() {
		return this.ready;
	}

	/**
	 * Send a command and wait for its answer.
	 */
	synchronized JsonNode call(Map<String, Object> command, Duration timeout) {
		try {
			this.commands.write((this.json.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new AssertionError("The client script is gone: " + log(), ex);
		}
		return answer(timeout, String.valueOf(command.get("op")));
	}

	private JsonNode answer(Duration timeout, String operation) {
		String line;
		try {
			line = this.answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (line == null) {
			throw new AssertionError("The client script did not answer '" + operation + "' within " + timeout + ": "
					+ log());
		}
		if (END.equals(line)) {
			this.answers.add(END);
			throw new AssertionError("The client script ended: " + log());
		}
		return this.json.readTree(line);
	}

	private void readAnswers() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.answers.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		this.answers.add(END);
	}

	String log() {
		try {
			String text = Files.readString(this.log, StandardCharsets.UTF_8);
			return (text.length() > 4000) ? "..." + text.substring(text.length() - 4000) : text;
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		try {
			this.commands.write("{\"op\":\"quit\"}\n".getBytes(StandardCharsets.UTF_8));
			this.commands.close();
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			this.reader.join(2000);
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
