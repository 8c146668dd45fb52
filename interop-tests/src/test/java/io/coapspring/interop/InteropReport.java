package io.coapspring.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a matrix goes: always {@code target/NAME.md}; into its generated section of {@code docs/interop.md}
 * when the system property {@code interop.write-docs} is {@code true}; otherwise, after a complete and green
 * run, the section of {@code docs/interop.md} must be the matrix of this run, so that the page never shows
 * results that the suite does not produce.
 */
final class InteropReport {

	static final String WRITE_DOCS = "interop.write-docs";

	private InteropReport() {
	}

	static void publish(String name, InteropMatrix matrix) {
		String content = matrix.render();
		try {
			Path target = Path.of("target", name + ".md");
			Files.createDirectories(target.getParent());
			Files.writeString(target, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		GeneratedSection section = new GeneratedSection(
				Path.of(System.getProperty("interop.docs", "../docs/interop.md")), name);
		if (Boolean.getBoolean(WRITE_DOCS)) {
			section.write(content);
		}
		else if (matrix.isCompleteAndGreen()) {
			assertThat(section.read())
				.as("the '%s' section of docs/interop.md is not the matrix of this run (target/%s.md): "
						+ "regenerate it with ./mvnw -B -pl interop-tests -am verify -D%s=true "
						+ "-Dtest='Plugtest*,Template*' -Dsurefire.failIfNoSpecifiedTests=false",
						name, name, WRITE_DOCS)
				.isEqualTo(content);
		}
	}

}
