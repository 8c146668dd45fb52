package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of a Markdown page that a test generates, between {@code <!-- generated:NAME:begin -->} and
 * {@code <!-- generated:NAME:end -->}: the rest of the page is written by hand.
 */
final class GeneratedSection {

	private final Path page;

	private final String begin;

	private final String end;

	GeneratedSection(Path page, String name) {
		this.page = page;
		this.begin = "<!-- generated:" + name + ":begin -->\n";
		this.end = "<!-- generated:" + name + ":end -->";
	}

	/**
	 * Return the section's current content.
	 */
	String read() {
		String text = text();
		return text.substring(start(text), stop(text));
	}

	/**
	 * Replace the section's content.
	 */
	void write(String content) {
		String text = text();
		try {
			Files.writeString(this.page, text.substring(0, start(text)) + content + text.substring(stop(text)),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text() {
		try {
			return Files.readString(this.page, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.page, ex);
		}
	}

	private int start(String text) {
		int index = text.indexOf(this.begin);
		if (index < 0) {
			throw new IllegalStateException(this.page + " has no line " + this.begin.strip());
		}
		return index + this.begin.length();
	}

	private int stop(String text) {
		int index = text.indexOf(this.end);
		if (index < 0) {
			throw new IllegalStateException(this.page + " has no line " + this.end);
		}
		return index;
	}

}
