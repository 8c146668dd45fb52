package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.coapspring.benchmarks.harness.Harness.Cell;
import io.coapspring.benchmarks.harness.Harness.ObserveCell;
import io.coapspring.benchmarks.harness.Harness.ObserveRun;
import io.coapspring.benchmarks.harness.Harness.Sustained;
import io.coapspring.benchmarks.load.LoadResult;
import org.eclipse.californium.core.CoapServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;

/**
 * Renders the results of a harness run as one Markdown document: the setting, a table per scenario with
 * absolute figures (median of the runs, with min and max), and the ratios against the targets.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class Report {

	private final HarnessSettings settings;

	private final List<String> lines = new ArrayList<>();

	private final List<String[]> targets = new ArrayList<>();

	private int failures;

	Report(HarnessSettings settings) {
		this.settings = settings;
	}

	int failures() {
		return this.failures;
	}

	void header(String loadAverageAtStart, boolean interleaved) {
		this.lines.add("# CoAP Spring Boot benchmark results (" + this.settings.mode().name().toLowerCase() + ")");
		this.lines.add("");
		this.lines.add("- Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
		this.lines.add("- Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
				+ memory() + "; load average at start: " + loadAverageAtStart);
		this.lines.add("- Java: " + this.settings.describeJava() + "; server flags: `"
				+ String.join(" ", this.settings.serverJvmFlags()) + "`");
		this.lines.add("- Versions: Spring Boot " + SpringBootVersion.getVersion() + ", Californium "
				+ Optional.ofNullable(CoapServer.class.getPackage().getImplementationVersion()).orElse("3.14.0")
				+ ", node-coap 1.5.0, libcoap " + libcoapVersion());
		this.lines.add("- Load: closed loop, W CON requests in flight over up to " + this.settings.sockets()
				+ " source sockets, no retransmission (lost after 2 s); per cell a fresh server process"
				+ (interleaved ? " (the servers of one W started together and measured in turns: run 1 of each, then run "
						+ "2 of each, the order rotating, each run after an unmeasured " + Harness.REWARM_SECONDS
						+ "-s slice)" : "")
				+ ", warm-up at "
				+ "W=64 for at least " + this.settings.warmup().toSeconds() + " s until three 1-s slices agree within 5% "
				+ "and the server's JIT compilers used at most 5% of a core over them (at most "
				+ Harness.WARMUP_MAXIMUM_FACTOR * this.settings.warmup().toSeconds() + " s), then " + this.settings.runs()
				+ " runs of " + this.settings.runDuration().toSeconds()
				+ " s; figures are median [min–max] of the runs");
		this.lines.add("");
	}

	void burst(String title, Map<Integer, List<Cell>> cells) {
		this.lines.add("## " + title);
		this.lines.add("");
		this.lines.add("| W | server | req/s | p50 µs | p99 µs | p99.9 µs | lost / errors of sent | server CPU s per 10k "
				+ "| heap after GC |");
		this.lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Map.Entry<Integer, List<Cell>> row : cells.entrySet()) {
			for (Cell cell : row.getValue()) {
				if (!cell.ok()) {
					this.failures++;
					this.lines.add("| " + row.getKey() + " | " + cell.server().label() + " | FAILED: " + cell.failure()
							+ " | | | | | | |");
					continue;
				}
				this.lines.add("| " + row.getKey() + " | " + cell.server().label() + " | " + cell.rps().format("%,.0f")
						+ " | " + cell.p50().format("%.0f") + " | " + cell.p99().format("%.0f") + " | "
						+ cell.p999().format("%.0f") + " | " + cell.lost() + " / " + cell.errors() + " of "
						+ cell.sent() + " | " + cell.cpuPer10k().format("%.3f") + " | "
						+ ((cell.heapAfterGc() >= 0) ? String.format("%.0f MB", cell.heapAfterGc() / 1e6) : "–")
						+ " |");
			}
		}
		this.lines.add("");
	}

	void getRatios(Map<Integer, List<Cell>> cells) {
		this.lines.add("### GET ratios (starter to the others, ratio of medians [lowest–highest ratio of "
				+ "same-numbered runs])");
		this.lines.add("");
		this.lines.add("| W | starter / raw (starter defaults) | starter / raw (Californium defaults) | "
				+ "starter / node-coap | starter / libcoap | p99 starter / raw (starter defaults) | "
				+ "starter-nb / raw (starter defaults) | p99 starter-nb / raw (starter defaults) |");
		this.lines.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Map.Entry<Integer, List<Cell>> row : cells.entrySet()) {
			Cell starter = find(row.getValue(), "starter");
			Cell nonBlocking = find(row.getValue(), "starter-nb");
			this.lines.add("| " + row.getKey() + " | " + ratio(starter, find(row.getValue(), "raw-starter"))
					+ " | " + ratio(starter, find(row.getValue(), "raw-default")) + " | "
					+ ratio(starter, find(row.getValue(), "node")) + " | "
					+ ratio(starter, find(row.getValue(), "libcoap")) + " | "
					+ ratio(starter, find(row.getValue(), "raw-starter"), LoadResult::p99Micros) + " | "
					+ ratio(nonBlocking, find(row.getValue(), "raw-starter")) + " | "
					+ ratio(nonBlocking, find(row.getValue(), "raw-starter"), LoadResult::p99Micros) + " |");
		}
		this.lines.add("");
		List<Cell> w64 = cells.getOrDefault(64, List.of());
		List<Cell> w16 = cells.getOrDefault(16, List.of());
		target("GET req/s at W=64, starter / raw Californium (starter defaults)", ">= 0.90",
				medianRatio(find(w64, "starter"), find(w64, "raw-starter"), LoadResult::requestsPerSecond), 0.90, true);
		target("GET req/s at W=64, starter with @CoapNonBlocking / raw Californium (starter defaults)", ">= 0.90",
				medianRatio(find(w64, "starter-nb"), find(w64, "raw-starter"), LoadResult::requestsPerSecond), 0.90,
				true);
		target("GET req/s at W=64, starter / raw Californium (Californium defaults)", ">= 0.90",
				medianRatio(find(w64, "starter"), find(w64, "raw-default"), LoadResult::requestsPerSecond), 0.90, true);
		target("GET p99 at W=16, starter / raw Californium (starter defaults)", "<= 1.2",
				medianRatio(find(w16, "starter"), find(w16, "raw-starter"), LoadResult::p99Micros), 1.2, false);
		target("GET p99 at W=16, starter with @CoapNonBlocking / raw Californium (starter defaults)", "<= 1.2",
				medianRatio(find(w16, "starter-nb"), find(w16, "raw-starter"), LoadResult::p99Micros), 1.2, false);
		target("GET req/s at W=64, starter / node-coap", ">= 5",
				medianRatio(find(w64, "starter"), find(w64, "node"), LoadResult::requestsPerSecond), 5, true);
		target("GET req/s at W=64, starter / libcoap (stretch)", ">= 1.0",
				medianRatio(find(w64, "starter"), find(w64, "libcoap"), LoadResult::requestsPerSecond), 1.0, true);
	}

	/**
	 * The like-for-like ratios of issue 24: each starter variant against the raw server that runs its handlers
	 * the same way, and the sample application against the bare starter and raw Californium.
	 * @param cells the GET cells, by W
	 */
	void likeForLike(Map<Integer, List<Cell>> cells) {
		this.lines.add("### GET like for like (ratio of medians [lowest–highest ratio of same-numbered runs])");
		this.lines.add("");
		this.lines.add("| W | starter / raw-exec | p99 starter / raw-exec | starter-nb / raw-starter | "
				+ "p99 starter-nb / raw-starter | raw-exec / raw-starter | sample / starter-nb | sample / starter | "
				+ "p99 sample / raw-starter |");
		this.lines.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (Map.Entry<Integer, List<Cell>> row : cells.entrySet()) {
			List<Cell> w = row.getValue();
			this.lines.add("| " + row.getKey() + " | " + ratio(find(w, "starter"), find(w, "raw-exec")) + " | "
					+ ratio(find(w, "starter"), find(w, "raw-exec"), LoadResult::p99Micros) + " | "
					+ ratio(find(w, "starter-nb"), find(w, "raw-starter")) + " | "
					+ ratio(find(w, "starter-nb"), find(w, "raw-starter"), LoadResult::p99Micros) + " | "
					+ ratio(find(w, "raw-exec"), find(w, "raw-starter")) + " | "
					+ ratio(find(w, "sample"), find(w, "starter-nb")) + " | "
					+ ratio(find(w, "sample"), find(w, "starter")) + " | "
					+ ratio(find(w, "sample"), find(w, "raw-starter"), LoadResult::p99Micros) + " |");
		}
		this.lines.add("");
		// CPU seconds per request depend far less on what else runs on the machine than requests per second
		this.lines.add("Server CPU per request, same pairs (lower is cheaper; 1 / 0.95 = 1.05, 1 / 0.9 = 1.11):");
		this.lines.add("");
		this.lines.add("| W | starter / raw-exec | starter-nb / raw-starter | raw-exec / raw-starter | "
				+ "sample / starter-nb |");
		this.lines.add("| ---: | ---: | ---: | ---: | ---: |");
		for (Map.Entry<Integer, List<Cell>> row : cells.entrySet()) {
			List<Cell> w = row.getValue();
			this.lines.add("| " + row.getKey() + " | "
					+ ratio(find(w, "starter"), find(w, "raw-exec"), LoadResult::cpuSecondsPer10k) + " | "
					+ ratio(find(w, "starter-nb"), find(w, "raw-starter"), LoadResult::cpuSecondsPer10k) + " | "
					+ ratio(find(w, "raw-exec"), find(w, "raw-starter"), LoadResult::cpuSecondsPer10k) + " | "
					+ ratio(find(w, "sample"), find(w, "starter-nb"), LoadResult::cpuSecondsPer10k) + " |");
		}
		this.lines.add("");
		List<Cell> w64 = cells.getOrDefault(64, List.of());
		List<Cell> w16 = cells.getOrDefault(16, List.of());
		target("#24: GET req/s at W=64, starter / raw Californium with resources on an equal executor (raw-exec)",
				">= 0.95", medianRatio(find(w64, "starter"), find(w64, "raw-exec"), LoadResult::requestsPerSecond),
				0.95, true);
		target("#24: GET req/s at W=64, starter with @CoapNonBlocking / raw Californium (starter defaults)",
				">= 0.90", medianRatio(find(w64, "starter-nb"), find(w64, "raw-starter"),
						LoadResult::requestsPerSecond), 0.90, true);
		target("#24: GET req/s at W=64, sample application / bare starter (both @CoapNonBlocking)", ">= 0.90",
				medianRatio(find(w64, "sample"), find(w64, "starter-nb"), LoadResult::requestsPerSecond), 0.90,
				true);
		target("#24: GET p99 at W=16, sample application / raw Californium (starter defaults)", "<= 1.2",
				medianRatio(find(w16, "sample"), find(w16, "raw-starter"), LoadResult::p99Micros), 1.2, false);
	}

	void jsonRatios(Map<Integer, List<Cell>> cells) {
		this.lines.add("### JSON POST ratios");
		this.lines.add("");
		this.lines.add("| W | starter / raw (starter defaults) | starter / raw (Californium defaults) | "
				+ "starter-nb / raw (starter defaults) |");
		this.lines.add("| ---: | ---: | ---: | ---: |");
		for (Map.Entry<Integer, List<Cell>> row : cells.entrySet()) {
			Cell starter = find(row.getValue(), "starter");
			this.lines.add("| " + row.getKey() + " | " + ratio(starter, find(row.getValue(), "raw-starter")) + " | "
					+ ratio(starter, find(row.getValue(), "raw-default")) + " | "
					+ ratio(find(row.getValue(), "starter-nb"), find(row.getValue(), "raw-starter")) + " |");
		}
		this.lines.add("");
		List<Cell> w64 = cells.getOrDefault(64, List.of());
		target("JSON POST req/s at W=64, starter / raw Californium (starter defaults)", ">= 0.85",
				medianRatio(find(w64, "starter"), find(w64, "raw-starter"), LoadResult::requestsPerSecond), 0.85, true);
		target("JSON POST req/s at W=64, starter with @CoapNonBlocking / raw Californium (starter defaults)",
				">= 0.85", medianRatio(find(w64, "starter-nb"), find(w64, "raw-starter"),
						LoadResult::requestsPerSecond), 0.85, true);
	}

	void sustained(@Nullable Sustained sustained) {
		if (sustained == null) {
			return;
		}
		this.lines.add("## Sustained load: starter GET at W=64 for " + this.settings.sustained().toSeconds() + " s");
		this.lines.add("");
		LoadResult result = sustained.result();
		if (result == null) {
			this.failures++;
			this.lines.add("FAILED: " + sustained.failure());
			this.lines.add("");
			return;
		}
		List<Long> buckets = result.completedPerInterval();
		double interval = this.settings.sustainedInterval().toMillis() / 1000.0;
		List<String> perInterval = new ArrayList<>();
		// the last bucket holds only the tail of the run (responses after the send deadline): leave it out
		int full = (int) Math.min(buckets.size(), this.settings.sustained().toMillis()
				/ this.settings.sustainedInterval().toMillis());
		for (int i = 0; i < full; i++) {
			perInterval.add(String.format("%,.0f", buckets.get(i) / interval));
		}
		this.lines.add("- " + result);
		this.lines.add("- req/s per " + (long) interval + " s interval: " + String.join(", ", perInterval));
		this.lines.add(String.format("- heap after full GC at the end: %.0f MB", sustained.heapAfterGc() / 1e6));
		this.lines.add("");
		double lastToFirst = (full >= 2 && buckets.get(0) > 0) ? (double) buckets.get(full - 1) / buckets.get(0) : -1;
		target("Sustained: last interval / first interval", ">= 0.9", lastToFirst, 0.9, true);
		target("Sustained: heap after full GC, MB", "< 512", sustained.heapAfterGc() / 1e6, 512, false);
	}

	void observe(List<ObserveCell> cells) {
		if (cells.isEmpty()) {
			return;
		}
		this.lines.add("## Observe fan-out (one resource, NON notifications with Californium's periodic CON check)");
		this.lines.add("");
		this.lines.add("| observers | changes/s | server | registered | relations at end | changes | delivered "
				+ "| delivered/s | lag p50 ms | lag p99 ms | server CPU s | heap per relation |");
		this.lines.add("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (ObserveCell cell : cells) {
			String rate = (cell.perSecond() > 0) ? String.format("%.0f", cell.perSecond()) : "max";
			if (!cell.ok()) {
				this.failures++;
				this.lines.add("| " + cell.observers() + " | " + rate + " | " + cell.server().label() + " | FAILED: "
						+ cell.failure() + " | | | | | | | | |");
				continue;
			}
			this.lines.add("| " + cell.observers() + " | " + rate + " | " + cell.server().label() + " | "
					+ cell.registered() + " | " + observe(cell, ObserveRun::relations, "%.0f") + " | "
					+ observe(cell, (r) -> r.changes(), "%.0f") + " | "
					+ observe(cell, (r) -> r.deliveredFraction() * 100, "%.2f%%") + " | "
					+ observe(cell, ObserveRun::deliveredPerSecond, "%,.0f") + " | "
					+ observe(cell, (r) -> r.counts().lagP50Millis(), "%.1f") + " | "
					+ observe(cell, (r) -> r.counts().lagP99Millis(), "%.1f") + " | "
					+ observe(cell, ObserveRun::serverCpuSeconds, "%.2f") + " | "
					+ String.format("%.0f B", cell.heapPerRelation()) + " |");
		}
		this.lines.add("");
		for (ObserveCell cell : cells) {
			if (!cell.ok()) {
				continue;
			}
			String who = cell.server().label();
			if (cell.perSecond() > 0) {
				target("Observe " + cell.observers() + " observers at 10 changes/s, delivered, " + who, ">= 99%",
						median(cell, ObserveRun::deliveredFraction) * 100, 99, true);
				target("Observe " + cell.observers() + " observers at 10 changes/s, p99 lag ms, " + who, "<= 100",
						median(cell, (r) -> r.counts().lagP99Millis()), 100, false);
			}
			else {
				target("Observe " + cell.observers() + " observers, notifications/s, " + who, ">= 10,000",
						median(cell, ObserveRun::deliveredPerSecond), 10_000, true);
				target("Observe heap per relation, bytes, " + who, "<= 2048", cell.heapPerRelation(), 2048, false);
			}
		}
	}

	void jmh(@Nullable List<JmhScenario.Score> scores, @Nullable String failure) {
		this.lines.add("## JMH microbenchmarks");
		this.lines.add("");
		if (scores == null) {
			this.failures++;
			this.lines.add("FAILED: " + failure);
			this.lines.add("");
			return;
		}
		this.lines.add("| benchmark | score ± 99.9% error [min–max iteration] | unit | allocated B/op | iterations |");
		this.lines.add("| --- | ---: | --- | ---: | ---: |");
		double routeLookup = -1;
		for (JmhScenario.Score score : scores) {
			this.lines.add(String.format("| %s | %.1f ± %.1f [%.1f–%.1f] | %s | %s | %d |", score.benchmark(),
					score.score(), Double.isNaN(score.error()) ? 0 : score.error(), score.min(), score.max(),
					score.unit(), Double.isNaN(score.allocated()) ? "–" : String.format("%.0f", score.allocated()),
					score.samples()));
			if (score.benchmark().startsWith("RouteLookupBenchmarks.") && "ns/op".equals(score.unit())) {
				routeLookup = Math.max(routeLookup, score.score() / 1000);
			}
		}
		this.lines.add("");
		target("Route lookup with 1,000 mappings (slowest case), µs", "<= 1", routeLookup, 1, false);
	}

	private void target(String what, String goal, double measured, double threshold, boolean atLeast) {
		String status;
		if (measured < 0 || Double.isNaN(measured)) {
			status = "not measured";
		}
		else {
			status = (atLeast ? measured >= threshold : measured <= threshold) ? "met" : "not met";
		}
		this.targets.add(new String[] { what, goal, (measured < 0 || Double.isNaN(measured)) ? "–"
				: String.format("%.2f", measured), status });
	}

	String render() {
		List<String> out = new ArrayList<>(this.lines);
		out.add("## Targets of issues 10 and 24");
		out.add("");
		out.add("| target | goal | measured (median) | status |");
		out.add("| --- | ---: | ---: | --- |");
		for (String[] target : this.targets) {
			out.add("| " + String.join(" | ", target) + " |");
		}
		out.add("");
		return String.join("\n", out);
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, render());
	}

	private static String observe(ObserveCell cell, ToDoubleFunction<ObserveRun> metric, String pattern) {
		return Summary.of(cell.runs().stream().map(metric::applyAsDouble).toList()).format(pattern);
	}

	private static double median(ObserveCell cell, ToDoubleFunction<ObserveRun> metric) {
		return Summary.of(cell.runs().stream().map(metric::applyAsDouble).toList()).median();
	}

	private static @Nullable Cell find(List<Cell> cells, String server) {
		return cells.stream().filter((cell) -> cell.server().name().equals(server) && cell.ok()).findFirst()
			.orElse(null);
	}

	private static String ratio(@Nullable Cell a, @Nullable Cell b) {
		return ratio(a, b, LoadResult::requestsPerSecond);
	}

	private static String ratio(@Nullable Cell a, @Nullable Cell b, ToDoubleFunction<LoadResult> metric) {
		if (a == null || b == null) {
			return "–";
		}
		double median = medianRatio(a, b, metric);
		int n = Math.min(a.results().size(), b.results().size());
		if (n < 2) {
			return String.format("%.2f", median);
		}
		List<Double> pairs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double denominator = metric.applyAsDouble(b.results().get(i));
			if (denominator <= 0) {
				return String.format("%.2f [a baseline run answered nothing]", median);
			}
			pairs.add(metric.applyAsDouble(a.results().get(i)) / denominator);
		}
		Summary summary = Summary.of(pairs);
		return String.format("%.2f [%.2f–%.2f]", median, summary.min(), summary.max());
	}

	private static double medianRatio(@Nullable Cell a, @Nullable Cell b, ToDoubleFunction<LoadResult> metric) {
		if (a == null || b == null) {
			return -1;
		}
		double numerator = Summary.of(a.results().stream().map(metric::applyAsDouble).toList()).median();
		double denominator = Summary.of(b.results().stream().map(metric::applyAsDouble).toList()).median();
		return (denominator > 0) ? numerator / denominator : -1;
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter((l) -> l.startsWith("model name"))
				.findFirst().map((l) -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter((l) -> l.startsWith("MemTotal"))
				.findFirst()
				.map((l) -> String.format("%.0f GiB",
						Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
				.orElse("unknown memory");
		}
		catch (IOException ex) {
			return "unknown memory";
		}
	}

	private static String libcoapVersion() {
		try {
			Process process = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "libcoap3-bin")
				.redirectErrorStream(true).start();
			String version = new String(process.getInputStream().readAllBytes()).trim();
			process.waitFor();
			return version.isEmpty() ? "unknown" : version;
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
