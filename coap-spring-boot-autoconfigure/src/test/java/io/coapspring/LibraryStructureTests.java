package io.coapspring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the package structure of the library (docs/architecture.md): no simple class name is declared twice in
 * the main sources of the modules, and the packages of the auto-configuration module have no cycles.
 */
class LibraryStructureTests {

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.coapspring(?:\\.[a-z]\\w*)+)\\.[A-Z]");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	@Test
	void noClassNameIsDeclaredTwice() throws IOException {
		Map<String, List<Path>> byName = new TreeMap<>();
		for (Path sources : mainSourceDirectories()) {
			for (Path file : javaFiles(sources)) {
				String name = file.getFileName().toString().replace(".java", "");
				if (!name.equals("package-info")) {
					byName.computeIfAbsent(name, (key) -> new ArrayList<>()).add(file);
				}
			}
		}
		assertThat(byName).isNotEmpty();
		assertThat(byName.entrySet().stream().filter((entry) -> entry.getValue().size() > 1).map(Map.Entry::getValue))
			.isEmpty();
	}

	@Test
	void packagesHaveNoCycles() throws IOException {
		Map<String, Set<String>> uses = new HashMap<>();
		for (Path file : javaFiles(moduleRoot().resolve("src/main/java"))) {
			String source = Files.readString(file);
			Matcher declared = PACKAGE.matcher(source);
			assertThat(declared.find()).as("package of %s", file).isTrue();
			String pkg = declared.group(1);
			Matcher reference = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(""));
			while (reference.find()) {
				if (!reference.group(1).equals(pkg)) {
					uses.computeIfAbsent(pkg, (key) -> new TreeSet<>()).add(reference.group(1));
				}
			}
		}
		assertThat(uses).containsKey("io.coapspring.server.handler");
		Set<String> cycles = new TreeSet<>();
		for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
			for (String used : entry.getValue()) {
				if (reaches(uses, used, entry.getKey(), new HashSet<>())) {
					cycles.add(entry.getKey() + " <-> " + used);
				}
			}
		}
		assertThat(cycles).isEmpty();
	}

	private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
		for (String used : uses.getOrDefault(from, Set.of())) {
			if (used.equals(to) || (seen.add(used) && reaches(uses, used, to, seen))) {
				return true;
			}
		}
		return false;
	}

	private static Path moduleRoot() {
		Path here = Path.of("").toAbsolutePath();
		Path module = here.resolveSibling("coap-spring-boot-autoconfigure");
		return Files.isDirectory(module.resolve("src/main/java")) ? module : here;
	}

	private static List<Path> mainSourceDirectories() throws IOException {
		try (Stream<Path> modules = Files.list(moduleRoot().getParent())) {
			return modules.map((module) -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
		}
	}

	private static List<Path> javaFiles(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
