package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.benchmarks.load.CoapCodec;
import io.coapspring.benchmarks.load.CoapProbe;
import io.coapspring.benchmarks.load.LoadGenerator;
import io.coapspring.benchmarks.load.LoadResult;
import io.coapspring.benchmarks.load.LoadSpec;
import io.coapspring.benchmarks.load.ObserveLoad;
import io.coapspring.benchmarks.load.ObserveLoad.ObserveCounts;
import io.coapspring.benchmarks.load.ProcCpu;
import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import org.jspecify.annotations.Nullable;

/**
 * Runs the scenarios against server processes it starts and stops itself, and collects the results.
 * <p>
 * Every cell (one server, one scenario, one W) gets a fresh server process, the same warm-up (W=64 until
 * the throughput settles, see {@link #warmUp}), then the measured runs. The cells of one W follow each other server after server, so that
 * the servers compared are measured close together in time; {@link #burstInterleaved} measures them in turns
 * instead.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class Harness {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private static final int WARMUP_WINDOW = 64;

	private static final Duration WARMUP_SLICE = Duration.ofSeconds(1);

	private static final double WARMUP_TOLERANCE = 0.05;

	private static final int WARMUP_SETTLED_SLICES = 3;

	private static final double WARMUP_COMPILER_SHARE = 0.05;

	/** The unmeasured slice before each run of {@link #burstInterleaved}, in seconds. */
	static final int REWARM_SECONDS = 1;

	/** The longest warm-up, in multiples of the settings' warm-up time. */
	static final int WARMUP_MAXIMUM_FACTOR = 6;

	/**
	 * Observers per source socket. Californium sends a peer at most 65,536 messages (one per message ID) per
	 * EXCHANGE_LIFETIME (247 s); with 50 observers behind a port, a peer gets 50 notifications per change and
	 * the budget lasts 1,310 changes, more than a full run makes.
	 */
	private static final int OBSERVERS_PER_SOCKET = 50;

	private static final double SLOW_CHANGES_PER_SECOND = 10;

	private final HarnessSettings settings;

	private final List<ServerDefinition> servers;

	private final PrintStream progress;

	private final Path logs;

	Harness(HarnessSettings settings, PrintStream progress) {
		this.settings = settings;
		this.servers = ServerDefinition.all(settings).stream().filter(settings::includes).toList();
		this.progress = progress;
		this.logs = settings.outputDirectory().resolve("logs");
	}

	List<ServerDefinition> servers() {
		return this.servers;
	}

	/**
	 * Run a burst scenario: each server at each W.
	 * @param scenario "get" or "json"
	 * @return the cells, by W then server
	 */
	Map<Integer, List<Cell>> burst(String scenario) {
		boolean json = scenario.equals("json");
		List<Integer> windows = json ? this.settings.jsonWindows() : this.settings.windows();
		Map<Integer, List<Cell>> cells = new LinkedHashMap<>();
		for (int window : windows) {
			List<Cell> row = new ArrayList<>();
			for (ServerDefinition server : this.servers) {
				if (json && !server.hasAdmin()) {
					continue;
				}
				row.add(cell(server, scenario, request(server, json), window));
			}
			cells.put(window, row);
		}
		return cells;
	}

	private Cell cell(ServerDefinition server, String scenario, byte[] request, int window) {
		this.progress.printf("%s W=%d %s: starting%n", scenario, window, server.name());
		CellRecord record = new CellRecord(server);
		try (ServerProcess process = ServerProcess.start(server, this.logs, START_TIMEOUT)) {
			warmUp(process, request);
			for (int run = 0; run < this.settings.runs(); run++) {
				LoadResult result = measuredRun(process, request, window);
				this.progress.printf("  run %d: %s%n", run + 1, result);
				record.results.add(result);
			}
			record.finish(process);
		}
		catch (IOException | RuntimeException ex) {
			record.fail(ex);
			this.progress.printf("  FAILED: %s%n", ex);
		}
		return record.toCell(scenario, window);
	}

	/**
	 * Run a burst scenario with the servers of each W measured in turns rather than one after the other: all of
	 * them are started and warmed up first (each as {@link #warmUp} does, the others idle meanwhile), then every
	 * server's first run, every server's second run, and so on, the order rotating by one server each round; each
	 * run follows an unmeasured slice of {@value #REWARM_SECONDS} s at its W, since the server idled while the
	 * others ran. On a shared host whose speed drifts over minutes, the drift then falls on all servers alike,
	 * where one server after the other lets it fall on whichever was measured at the time.
	 * @param scenario "get" or "json"
	 * @return the cells, by W then server
	 */
	Map<Integer, List<Cell>> burstInterleaved(String scenario) {
		boolean json = scenario.equals("json");
		List<Integer> windows = json ? this.settings.jsonWindows() : this.settings.windows();
		List<ServerDefinition> servers = this.servers.stream().filter((server) -> !json || server.hasAdmin())
			.toList();
		Map<Integer, List<Cell>> cells = new LinkedHashMap<>();
		for (int window : windows) {
			cells.put(window, interleavedCells(servers, scenario, json, window));
		}
		return cells;
	}

	private List<Cell> interleavedCells(List<ServerDefinition> servers, String scenario, boolean json, int window) {
		List<CellRecord> records = new ArrayList<>();
		try {
			for (ServerDefinition server : servers) {
				this.progress.printf("%s W=%d %s: starting (interleaved)%n", scenario, window, server.name());
				CellRecord record = new CellRecord(server);
				records.add(record);
				try {
					ServerProcess process = ServerProcess.start(server, this.logs, START_TIMEOUT);
					record.process = process;
					warmUp(process, request(server, json));
				}
				catch (IOException | RuntimeException ex) {
					record.fail(ex);
					this.progress.printf("  FAILED: %s%n", ex);
				}
			}
			for (int run = 0; run < this.settings.runs(); run++) {
				for (int turn = 0; turn < records.size(); turn++) {
					CellRecord record = records.get((turn + run) % records.size());
					ServerProcess process = record.process;
					if (process == null || record.failure != null) {
						continue;
					}
					try {
						byte[] request = request(record.server, json);
						LoadGenerator.run(LoadSpec.burst(process.address(), request, window,
								Math.min(window, this.settings.sockets()), Duration.ofSeconds(REWARM_SECONDS), -1));
						LoadResult result = measuredRun(process, request, window);
						this.progress.printf("  %s run %d: %s%n", record.server.name(), run + 1, result);
						record.results.add(result);
					}
					catch (IOException | RuntimeException ex) {
						record.fail(ex);
						this.progress.printf("  %s FAILED: %s%n", record.server.name(), ex);
					}
				}
			}
			List<Cell> cells = new ArrayList<>();
			for (CellRecord record : records) {
				ServerProcess process = record.process;
				if (process != null && record.failure == null) {
					try {
						record.finish(process);
					}
					catch (IOException | RuntimeException ex) {
						record.fail(ex);
					}
				}
				cells.add(record.toCell(scenario, window));
			}
			return cells;
		}
		finally {
			for (CellRecord record : records) {
				ServerProcess process = record.process;
				if (process != null) {
					process.close();
				}
			}
		}
	}

	private LoadResult measuredRun(ServerProcess process, byte[] request, int window) throws IOException {
		return LoadGenerator.run(LoadSpec.burst(process.address(), request, window,
				Math.min(window, this.settings.sockets()), this.settings.runDuration(), process.pid()));
	}

	/**
	 * Warm a fresh server up, the same way for every server: W=64 in one-second slices for at least the
	 * warm-up time, then until three consecutive slices are within 5% of their mean and the server's JIT
	 * compiler threads used at most {@value #WARMUP_COMPILER_SHARE} of a core over those slices (the JIT has
	 * settled), for at most {@value #WARMUP_MAXIMUM_FACTOR} times the warm-up time.
	 * <p>
	 * The throughput alone settles too early for a large application: the sample application's C2 thread
	 * still took a fifth of a core after 8 s of load, and the sample gained 20% at W=16 once it had finished.
	 * A server that is not a HotSpot JVM has no compiler threads and is judged by its throughput.
	 */
	private void warmUp(ServerProcess process, byte[] request) throws IOException {
		long start = System.nanoTime();
		long minimum = this.settings.warmup().toNanos();
		long maximum = WARMUP_MAXIMUM_FACTOR * minimum;
		Deque<Double> recent = new ArrayDeque<>();
		Deque<Double> compilerSeconds = new ArrayDeque<>();
		compilerSeconds.addLast(ProcCpu.compilerCpuSeconds(process.pid()));
		int slices = 0;
		while (true) {
			LoadResult slice = LoadGenerator.run(LoadSpec.burst(process.address(), request, WARMUP_WINDOW,
					this.settings.sockets(), WARMUP_SLICE, -1));
			slices++;
			double rate = slice.requestsPerSecond();
			long elapsed = System.nanoTime() - start;
			recent.addLast(rate);
			compilerSeconds.addLast(ProcCpu.compilerCpuSeconds(process.pid()));
			if (recent.size() > WARMUP_SETTLED_SLICES) {
				recent.removeFirst();
				compilerSeconds.removeFirst();
			}
			double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			double compiling = compilerSeconds.getLast() - compilerSeconds.getFirst();
			boolean settled = recent.size() == WARMUP_SETTLED_SLICES
					&& recent.stream().allMatch((r) -> Math.abs(r - mean) <= WARMUP_TOLERANCE * mean)
					&& compiling <= WARMUP_COMPILER_SHARE * WARMUP_SETTLED_SLICES * WARMUP_SLICE.toNanos() / 1e9;
			if ((elapsed >= minimum && settled) || elapsed >= maximum) {
				this.progress.printf("  warm-up: %d s, %s, last slice %,.0f req/s, JIT compilers %.2f s in the last "
						+ "%d s%n", slices, settled ? "settled" : "NOT settled", rate, Math.max(0, compiling),
						recent.size());
				return;
			}
		}
	}

	/**
	 * Run the sustained scenario: the starter's GET at W=64 for the sustained duration.
	 * @return the result, or {@code null} if the starter is not selected
	 */
	@Nullable Sustained sustained() {
		ServerDefinition starter = this.servers.stream().filter((s) -> s.name().equals("starter")).findFirst()
			.orElse(null);
		if (starter == null) {
			return null;
		}
		this.progress.printf("sustained W=64 starter for %s: starting%n", this.settings.sustained());
		byte[] request = request(starter, false);
		try (ServerProcess process = ServerProcess.start(starter, this.logs, START_TIMEOUT)) {
			warmUp(process, request);
			LoadSpec spec = new LoadSpec(process.address(), request, 64, this.settings.sockets(),
					this.settings.sustained(), Long.MAX_VALUE, Duration.ofSeconds(2), this.settings.sustainedInterval(),
					process.pid(), LoadSpec.DEFAULT_REQUESTS_PER_SOCKET);
			LoadResult result = LoadGenerator.run(spec);
			this.progress.printf("  %s, per interval %s%n", result, result.completedPerInterval());
			double heap = heapUsed(process.address());
			return new Sustained(result, heap, null);
		}
		catch (IOException | RuntimeException ex) {
			this.progress.printf("  FAILED: %s%n", ex);
			return new Sustained(null, -1, describe(ex));
		}
	}

	/**
	 * Run the observe scenario on every server with the observe resource.
	 * @return the cells
	 */
	List<ObserveCell> observe() {
		List<ObserveCell> cells = new ArrayList<>();
		for (int observers : this.settings.observers()) {
			for (ServerDefinition server : this.servers) {
				// the observe resource does not depend on how GET and POST handlers run
				if (server.hasAdmin() && !server.name().equals("starter-nb") && !server.name().equals("raw-exec")) {
					cells.add(observeCell(server, observers));
				}
			}
		}
		return cells;
	}

	private ObserveCell observeCell(ServerDefinition server, int observers) {
		double perSecond = (observers <= 1_000) ? SLOW_CHANGES_PER_SECOND : 0;
		this.progress.printf("observe %d observers, %s changes/s, %s: starting%n", observers,
				(perSecond > 0) ? perSecond : "max", server.name());
		List<ObserveRun> runs = new ArrayList<>();
		try (ServerProcess process = ServerProcess.start(server, this.logs, START_TIMEOUT);
				ObserveLoad load = new ObserveLoad(process.address(), observers,
						Math.max(1, observers / OBSERVERS_PER_SOCKET))) {
			double heapBefore = heapUsed(process.address());
			int registered = load.register(ScenarioPaths.OBSERVE, Duration.ofSeconds(120));
			double heapAfter = heapUsed(process.address());
			double perRelation = (registered > 0) ? (heapAfter - heapBefore) / registered : -1;
			this.progress.printf("  registered %d of %d, heap %.1f -> %.1f MB, %.0f bytes per relation%n", registered,
					observers, heapBefore / 1e6, heapAfter / 1e6, perRelation);
			ObserveRun warmup = changeRun(process, load, perSecond);
			this.progress.printf("  warm-up: %s%n", warmup);
			for (int run = 0; run < this.settings.runs(); run++) {
				ObserveRun result = changeRun(process, load, perSecond);
				this.progress.printf("  run %d: %s%n", run + 1, result);
				runs.add(result);
			}
			return new ObserveCell(server, observers, perSecond, registered, perRelation, runs, null);
		}
		catch (IOException | RuntimeException ex) {
			this.progress.printf("  FAILED: %s%n", ex);
			return new ObserveCell(server, observers, perSecond, 0, -1, runs, describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ObserveCell(server, observers, perSecond, 0, -1, runs, "interrupted");
		}
	}

	private ObserveRun changeRun(ServerProcess process, ObserveLoad load, double perSecond)
			throws IOException, InterruptedException {
		InetSocketAddress address = process.address();
		Duration duration = this.settings.observeDuration();
		load.startCounting();
		double cpuBefore = ProcCpu.cpuSeconds(process.pid());
		long start = System.nanoTime();
		CoapProbe.Response started = CoapProbe.request(address, CoapCodec.POST, ScenarioPaths.ADMIN_CHANGE,
				perSecond + " " + duration.toMillis() / 1000.0, ADMIN_TIMEOUT);
		if (started == null || !started.isSuccess()) {
			throw new IOException("Change run did not start: " + ((started != null) ? CoapCodec.codeText(started.code()) : "no answer"));
		}
		Thread.sleep(duration.toMillis());
		String[] stats;
		long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
		do {
			Thread.sleep(200);
			CoapProbe.Response response = CoapProbe.request(address, CoapCodec.GET, ScenarioPaths.ADMIN_STATS, null,
					ADMIN_TIMEOUT);
			stats = (response != null) ? response.text().split(" ") : new String[] { "0", "0", "0", "true" };
		}
		while (Boolean.parseBoolean(stats[3]) && System.nanoTime() - deadline < 0);
		// let the last notifications arrive, then read what the server sent in all
		Thread.sleep(500);
		ObserveCounts counts = load.stopCounting();
		CoapProbe.Response last = CoapProbe.request(address, CoapCodec.GET, ScenarioPaths.ADMIN_STATS, null,
				ADMIN_TIMEOUT);
		if (last != null) {
			stats = last.text().split(" ");
		}
		double cpu = ProcCpu.cpuSeconds(process.pid()) - cpuBefore;
		long changes = Long.parseLong(stats[0]);
		long sent = Long.parseLong(stats[1]);
		int relations = Integer.parseInt(stats[2]);
		// the rate counts until the last notification arrived, which may be after the change run ended
		double seconds = Math.max(duration.toMillis() / 1000.0,
				(counts.lastDeliveredNanos() != 0) ? (counts.lastDeliveredNanos() - start) / 1e9 : 0);
		return new ObserveRun(changes, sent, relations, counts, seconds, cpu);
	}

	private static String describe(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
	}

	private static double heapUsed(InetSocketAddress address) throws IOException {
		CoapProbe.Response response = CoapProbe.request(address, CoapCodec.GET, ScenarioPaths.ADMIN_HEAP, null,
				ADMIN_TIMEOUT);
		if (response == null || !response.isSuccess()) {
			return -1;
		}
		return Double.parseDouble(response.text().split(" ")[0]);
	}

	static byte[] request(ServerDefinition server, boolean json) {
		if (json) {
			return CoapCodec.request(CoapCodec.POST, ScenarioPaths.READING, false, 50,
					Reading.SAMPLE_JSON.getBytes(StandardCharsets.UTF_8));
		}
		return CoapCodec.request(CoapCodec.GET, server.getPath(), false, -1, null);
	}

	/**
	 * What one server's cell collects while it is measured: its process, its runs, the heap after them and why it
	 * failed, if it did.
	 */
	private static final class CellRecord {

		final ServerDefinition server;

		final List<LoadResult> results = new ArrayList<>();

		@Nullable ServerProcess process;

		@Nullable String failure;

		double heap = -1;

		CellRecord(ServerDefinition server) {
			this.server = server;
		}

		// after the runs: the heap, if the server reports it, and whether the process survived them
		void finish(ServerProcess process) throws IOException {
			if (this.server.hasAdmin()) {
				this.heap = heapUsed(process.address());
			}
			if (!process.isAlive()) {
				this.failure = "server process died";
			}
		}

		void fail(Exception ex) {
			this.failure = describe(ex);
		}

		Cell toCell(String scenario, int window) {
			return new Cell(this.server, scenario, window, this.results, this.heap, this.failure);
		}

	}

	/**
	 * One server at one W in one burst scenario.
	 *
	 * @param server the server
	 * @param scenario "get" or "json"
	 * @param window W
	 * @param results the measured runs
	 * @param heapAfterGc used heap after a full GC at the end, or -1
	 * @param failure why the cell failed, or {@code null}
	 */
	record Cell(ServerDefinition server, String scenario, int window, List<LoadResult> results, double heapAfterGc,
			@Nullable String failure) {

		boolean ok() {
			return this.failure == null && !this.results.isEmpty();
		}

		Summary rps() {
			return Summary.of(this.results.stream().map(LoadResult::requestsPerSecond).toList());
		}

		Summary p50() {
			return Summary.of(this.results.stream().map(LoadResult::p50Micros).toList());
		}

		Summary p99() {
			return Summary.of(this.results.stream().map(LoadResult::p99Micros).toList());
		}

		Summary p999() {
			return Summary.of(this.results.stream().map(LoadResult::p999Micros).toList());
		}

		Summary cpuPer10k() {
			return Summary.of(this.results.stream().map(LoadResult::cpuSecondsPer10k).toList());
		}

		long lost() {
			return this.results.stream().mapToLong(LoadResult::lost).sum();
		}

		long errors() {
			return this.results.stream().mapToLong(LoadResult::errors).sum();
		}

		long sent() {
			return this.results.stream().mapToLong(LoadResult::sent).sum();
		}

	}

	/**
	 * The sustained run.
	 *
	 * @param result the run, or {@code null} if it failed
	 * @param heapAfterGc used heap after a full GC at the end
	 * @param failure why it failed, or {@code null}
	 */
	record Sustained(@Nullable LoadResult result, double heapAfterGc, @Nullable String failure) {
	}

	/**
	 * One change run of the observe scenario.
	 *
	 * @param changes changes the server made
	 * @param sent notifications the server sent
	 * @param relations observe relations the server still had at the end
	 * @param counts what the observers received
	 * @param seconds from the start of the change run to the last notification delivered (at least the length
	 * of the change run)
	 * @param serverCpuSeconds server CPU seconds during the run
	 */
	record ObserveRun(long changes, long sent, int relations, ObserveCounts counts, double seconds,
			double serverCpuSeconds) {

		double deliveredPerSecond() {
			return this.counts.delivered() / this.seconds;
		}

		double deliveredFraction() {
			long expected = this.changes * this.counts.registered();
			return (expected == 0) ? 0 : (double) this.counts.delivered() / expected;
		}

		@Override
		public String toString() {
			return String.format("%d changes, %d sent, %d relations left, %d delivered (%.2f%%, %,.0f/s), lag p50 "
					+ "%.1f ms p99 %.1f ms max %.1f ms, %d CON, %d stale, cpu %.2f s", this.changes, this.sent,
					this.relations, this.counts.delivered(),
					deliveredFraction() * 100, deliveredPerSecond(), this.counts.lagP50Millis(),
					this.counts.lagP99Millis(), this.counts.lagMaxMillis(), this.counts.confirmable(),
					this.counts.stale(), this.serverCpuSeconds);
		}

	}

	/**
	 * One server with one number of observers.
	 *
	 * @param server the server
	 * @param observers observers asked for
	 * @param perSecond changes per second, 0 for as fast as possible
	 * @param registered observers registered
	 * @param heapPerRelation heap bytes per observe relation (after full GCs)
	 * @param runs the change runs
	 * @param failure why the cell failed, or {@code null}
	 */
	record ObserveCell(ServerDefinition server, int observers, double perSecond, int registered,
			double heapPerRelation, List<ObserveRun> runs, @Nullable String failure) {

		boolean ok() {
			return this.failure == null && !this.runs.isEmpty();
		}

	}

}
