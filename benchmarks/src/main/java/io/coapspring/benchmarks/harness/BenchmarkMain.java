package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.coapspring.benchmarks.harness.Harness.Cell;
import io.coapspring.benchmarks.harness.HarnessSettings.Mode;
import org.jspecify.annotations.Nullable;

/**
 * The one command that runs every benchmark and prints one table:
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/coap-spring-boot-benchmarks.jar [--smoke|--quick|--full] [--only=get,json,...]
 *     [--servers=raw-default,raw-starter,raw-exec,starter,starter-nb,sample,node,libcoap] [--windows=1,16,64,256]
 *     [--jfr] [--java=/usr/lib/jvm/temurin-25-jdk-amd64] [--virtual-threads] [--interleaved]
 * </pre>
 * {@code --java=} runs the Java servers on another JDK (its home or its {@code bin/java}); {@code --virtual-threads}
 * starts them with {@code spring.threads.virtual.enabled=true} (Java 21 or later). The {@code sample} server needs
 * the sample application's jar: {@code ./mvnw -B -q -pl benchmarks,sample-app -am package -DskipTests}.
 * {@code --interleaved} measures the servers of each W of the GET and JSON scenarios in turns (run 1 of every
 * server, then run 2, ...) instead of one after the other, for a host whose speed drifts while it runs.
 * The table goes to standard output and to {@code benchmarks/target/benchmarks/results-<mode>.md}; progress
 * and each run's figures go to standard error; the servers' own output to
 * {@code benchmarks/target/benchmarks/logs/}. Exits with 1 if a cell failed.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Run the benchmarks.
	 * @param args the options
	 * @throws Exception if the harness itself fails
	 */
	public static void main(String[] args) throws Exception {
		Mode mode = Mode.QUICK;
		Set<String> scenarios = new LinkedHashSet<>();
		Set<String> servers = new LinkedHashSet<>();
		boolean jfr = false;
		@Nullable String java = null;
		boolean virtualThreads = false;
		boolean interleaved = false;
		List<Integer> windows = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--smoke") || arg.equals("--quick") || arg.equals("--full")) {
				mode = Mode.valueOf(arg.substring(2).toUpperCase());
			}
			else if (arg.startsWith("--only=")) {
				scenarios.addAll(Arrays.asList(arg.substring(7).split(",")));
			}
			else if (arg.startsWith("--windows=")) {
				Arrays.stream(arg.substring(10).split(",")).map(Integer::valueOf).forEach(windows::add);
			}
			else if (arg.equals("--jfr")) {
				jfr = true;
			}
			else if (arg.startsWith("--java=")) {
				java = arg.substring(7);
			}
			else if (arg.equals("--virtual-threads")) {
				virtualThreads = true;
			}
			else if (arg.equals("--interleaved")) {
				interleaved = true;
			}
			else if (arg.startsWith("--servers=")) {
				servers.addAll(Arrays.asList(arg.substring(10).split(",")));
			}
			else {
				System.err.println("Usage: BenchmarkMain [--smoke|--quick|--full] [--only=" + String.join(",",
						HarnessSettings.SCENARIOS) + "] [--servers=raw-default,raw-starter,raw-exec,starter,starter-nb,sample,node,libcoap] "
						+ "[--windows=1,16,64,256] [--jfr] [--java=<JDK home>] [--virtual-threads] [--interleaved]");
				System.exit(2);
			}
		}
		HarnessSettings settings = HarnessSettings.of(mode, scenarios, servers, jfr);
		if (!windows.isEmpty()) {
			settings = settings.withWindows(windows);
		}
		if (java != null || virtualThreads) {
			settings = settings.onJava((java != null) ? java : settings.javaExecutable(), virtualThreads);
		}
		PrintStream progress = System.err;
		Report report = new Report(settings);
		report.header(Report.loadAverage(), interleaved);
		Harness harness = new Harness(settings, progress);
		if (harness.servers().stream().anyMatch((s) -> s.name().equals("node"))) {
			ensureNodeModules(settings.nodeDirectory(), progress);
		}
		if (settings.runs("get")) {
			Map<Integer, List<Cell>> cells = interleaved ? harness.burstInterleaved("get") : harness.burst("get");
			report.burst("GET: 5 bytes of text (sample: its 12-byte greeting; libcoap: its 136-byte text on /)", cells);
			report.getRatios(cells);
			report.likeForLike(cells);
		}
		if (settings.runs("json")) {
			Map<Integer, List<Cell>> cells = interleaved ? harness.burstInterleaved("json") : harness.burst("json");
			report.burst("JSON POST: 200-byte body bound to a validated record, answered 2.04", cells);
			report.jsonRatios(cells);
		}
		if (settings.runs("sustained")) {
			report.sustained(harness.sustained());
		}
		if (settings.runs("observe")) {
			report.observe(harness.observe());
		}
		if (settings.runs("jmh")) {
			progress.println("jmh: running " + settings.mode().name().toLowerCase() + " microbenchmarks");
			try {
				report.jmh(JmhScenario.run(settings), null);
			}
			catch (Exception ex) {
				progress.println("  FAILED: " + ex);
				report.jmh(null, String.valueOf(ex));
			}
		}
		String table = report.render();
		System.out.println(table);
		Path file = settings.outputDirectory().resolve("results-" + mode.name().toLowerCase() + ".md");
		report.write(file);
		progress.println("Written to " + file);
		System.exit((report.failures() > 0) ? 1 : 0);
	}

	/**
	 * Install node-coap from the lock file ({@code npm ci}) when {@code node_modules} is missing.
	 */
	private static void ensureNodeModules(Path nodeDirectory, PrintStream progress)
			throws IOException, InterruptedException {
		if (Files.isDirectory(nodeDirectory.resolve("node_modules").resolve("coap"))) {
			return;
		}
		progress.println("node: npm ci in " + nodeDirectory);
		Process process = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(nodeDirectory.toFile())
			.inheritIO()
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.toHandle().destroyForcibly();
			throw new IOException("npm ci did not finish within 5 minutes");
		}
		if (process.exitValue() != 0) {
			throw new IOException("npm ci failed with " + process.exitValue());
		}
	}

}
