package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.coapspring.benchmarks.servers.HandlerExecutors;

/**
 * How a harness run is sized and what it runs.
 *
 * @param mode the size preset
 * @param javaExecutable the {@code java} every Java server runs on (the harness's own)
 * @param classPath the class path of the Java servers (the harness's own)
 * @param serverJvmFlags the flags of every Java server, raw baselines and starter alike
 * @param nodeDirectory where {@code server.js} of node-coap is
 * @param outputDirectory where logs and the result table go
 * @param windows the W values of the GET scenario
 * @param jsonWindows the W values of the JSON POST scenario
 * @param sockets source sockets per load run (at most W)
 * @param runs measured runs per cell
 * @param warmup the least warm-up before the measured runs, at W=64, in each fresh server process
 * @param runDuration length of a measured run
 * @param sustained length of the sustained run
 * @param sustainedInterval bucket length of the sustained run
 * @param observers the observer counts of the observe scenario
 * @param observeDuration how long the application changes the observed resource
 * @param scenarios which scenarios run: get, json, sustained, observe, jmh
 * @param servers which servers run (by name), empty for all
 * @param jfr whether Java servers record a JFR profile into {@code <output>/jfr/}
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
record HarnessSettings(Mode mode, String javaExecutable, String classPath, List<String> serverJvmFlags,
		Path nodeDirectory, Path outputDirectory, List<Integer> windows, List<Integer> jsonWindows, int sockets,
		int runs, Duration warmup, Duration runDuration, Duration sustained, Duration sustainedInterval,
		List<Integer> observers, Duration observeDuration, Set<String> scenarios, Set<String> servers, boolean jfr) {

	/** Every scenario, in the order they run. */
	static final List<String> SCENARIOS = List.of("get", "json", "sustained", "observe", "jmh");

	/**
	 * The flags of every Java server: a fixed 1 GiB heap (so no run pays for heap growth), the throughput
	 * collector, the heap touched up front, and an exit on the first {@code OutOfMemoryError} (a server that ran
	 * out of memory must not go on measuring in full GCs).
	 */
	static final List<String> SERVER_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
			"-XX:+AlwaysPreTouch", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");

	/**
	 * Size presets.
	 */
	enum Mode {

		/** A few seconds per scenario: checks that everything runs, numbers are not meaningful. */
		SMOKE,

		/** The routine run: every scenario, short runs, a 1-minute sustained run. */
		QUICK,

		/** The run: 10-second runs, a 10-minute sustained run, full JMH. */
		FULL

	}

	/**
	 * Settings of a preset.
	 * @param mode the preset
	 * @param scenarios the scenarios to run, empty for all
	 * @param servers the servers to run, empty for all
	 * @param jfr whether Java servers record a JFR profile
	 * @return the settings
	 */
	static HarnessSettings of(Mode mode, Set<String> scenarios, Set<String> servers, boolean jfr) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path");
		Path home = benchmarksHome();
		Path output = home.resolve("target").resolve("benchmarks");
		Set<String> selected = scenarios.isEmpty() ? Set.copyOf(SCENARIOS) : scenarios;
		return switch (mode) {
			case SMOKE -> new HarnessSettings(mode, java, classPath, SERVER_JVM_FLAGS, home.resolve("node"), output,
					List.of(16), List.of(16), 8, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4),
					Duration.ofSeconds(1), List.of(1_000, 10_000), Duration.ofSeconds(2), selected, servers, jfr);
			case QUICK -> new HarnessSettings(mode, java, classPath, SERVER_JVM_FLAGS, home.resolve("node"), output,
					List.of(1, 16, 64, 256), List.of(16, 64), 8, 3, Duration.ofSeconds(8), Duration.ofSeconds(2),
					Duration.ofSeconds(60), Duration.ofSeconds(10), List.of(1_000, 10_000), Duration.ofSeconds(5),
					selected, servers, jfr);
			case FULL -> new HarnessSettings(mode, java, classPath, SERVER_JVM_FLAGS, home.resolve("node"), output,
					List.of(1, 16, 64, 256), List.of(16, 64), 8, 3, Duration.ofSeconds(10), Duration.ofSeconds(10),
					Duration.ofMinutes(10), Duration.ofMinutes(1), List.of(1_000, 10_000), Duration.ofSeconds(10),
					selected, servers, jfr);
		};
	}

	/**
	 * Return a copy that runs the burst scenarios at the given W values only.
	 * @param only the W values
	 * @return the settings
	 */
	HarnessSettings withWindows(List<Integer> only) {
		return new HarnessSettings(this.mode, this.javaExecutable, this.classPath, this.serverJvmFlags,
				this.nodeDirectory, this.outputDirectory, only, only, this.sockets, this.runs, this.warmup,
				this.runDuration, this.sustained, this.sustainedInterval, this.observers, this.observeDuration,
				this.scenarios, this.servers, this.jfr);
	}

	/**
	 * Return a copy whose Java servers get these flags after the usual ones (for instance a {@code -D} property
	 * the starter reads).
	 * @param extra the flags to add
	 * @return the settings
	 */
	HarnessSettings withExtraServerFlags(List<String> extra) {
		List<String> flags = new ArrayList<>(this.serverJvmFlags);
		flags.addAll(extra);
		return new HarnessSettings(this.mode, this.javaExecutable, this.classPath, List.copyOf(flags),
				this.nodeDirectory, this.outputDirectory, this.windows, this.jsonWindows, this.sockets, this.runs,
				this.warmup, this.runDuration, this.sustained, this.sustainedInterval, this.observers,
				this.observeDuration, this.scenarios, this.servers, this.jfr);
	}

	/**
	 * Return a copy whose Java servers run on another JDK, and with virtual threads on or not.
	 * @param java the JDK's home directory, or its {@code bin/java}
	 * @param virtualThreads whether Java servers run with {@code spring.threads.virtual.enabled=true} (as a
	 * system property: Spring Boot reads it as a property, the raw servers as a system property)
	 * @return the settings
	 */
	HarnessSettings onJava(String java, boolean virtualThreads) {
		Path path = Path.of(java);
		Path executable = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
		if (!Files.isExecutable(executable)) {
			throw new IllegalArgumentException("No java at " + executable + " (--java= takes a JDK's home or its "
					+ "bin/java)");
		}
		List<String> flags = new ArrayList<>(this.serverJvmFlags);
		if (virtualThreads) {
			flags.add("-D" + HandlerExecutors.VIRTUAL_THREADS_PROPERTY + "=true");
		}
		return new HarnessSettings(this.mode, executable.toAbsolutePath().toString(), this.classPath, List.copyOf(flags),
				this.nodeDirectory, this.outputDirectory, this.windows, this.jsonWindows, this.sockets, this.runs,
				this.warmup, this.runDuration, this.sustained, this.sustainedInterval, this.observers,
				this.observeDuration, this.scenarios, this.servers, this.jfr);
	}

	/**
	 * The sample application's executable jar, as {@code ./mvnw -pl sample-app -am package} builds it: next to
	 * the {@code benchmarks} folder, in {@code sample-app/target/}.
	 * @return where the jar is expected
	 */
	Path sampleJar() {
		Path benchmarksHome = this.nodeDirectory.toAbsolutePath().getParent();
		Path root = (benchmarksHome != null && benchmarksHome.getParent() != null) ? benchmarksHome.getParent()
				: Path.of("").toAbsolutePath();
		return root.resolve("sample-app").resolve("target").resolve("coap-spring-boot-sample.jar");
	}

	boolean runs(String scenario) {
		return this.scenarios.contains(scenario);
	}

	boolean includes(ServerDefinition server) {
		return this.servers.isEmpty() || this.servers.contains(server.name());
	}

	/**
	 * The {@code benchmarks} folder: the parent of {@code target/} that holds the harness's jar or classes.
	 */
	private static Path benchmarksHome() {
		try {
			Path location = Path.of(HarnessSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path target = location.getParent();
			if (target != null && !target.getFileName().toString().equals("target")) {
				target = target.getParent();
			}
			if (target != null && target.getParent() != null && Files.isDirectory(target.getParent().resolve("node"))) {
				return target.getParent();
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// fall through to the working directory
		}
		Path here = Path.of("").toAbsolutePath();
		return Files.isDirectory(here.resolve("benchmarks")) ? here.resolve("benchmarks") : here;
	}

	/**
	 * Describe the JDK the Java servers run on, from its {@code release} file (without starting it).
	 * @return implementor, version and home
	 */
	String describeJava() {
		Path executable = Path.of(this.javaExecutable).toAbsolutePath();
		Path home = (executable.getParent() != null) ? executable.getParent().getParent() : null;
		Properties release = new Properties();
		if (home != null && Files.isRegularFile(home.resolve("release"))) {
			try (Reader reader = Files.newBufferedReader(home.resolve("release"))) {
				release.load(reader);
			}
			catch (IOException ex) {
				// described by its path only
			}
		}
		String implementor = unquote(release.getProperty("IMPLEMENTOR", ""));
		String version = unquote(release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", "")));
		String where = (home != null) ? home.toString() : this.javaExecutable;
		String virtual = this.serverJvmFlags.contains("-D" + HandlerExecutors.VIRTUAL_THREADS_PROPERTY + "=true")
				? ", virtual threads on" : "";
		if (version.isEmpty()) {
			return where + virtual;
		}
		return (implementor.isEmpty() ? "" : implementor + " ") + version + " (" + where + ")" + virtual;
	}

	private static String unquote(String text) {
		return text.replace("\"", "").trim();
	}

}
