package io.coapspring.benchmarks.lwm2m;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.coapspring.lwm2m.test.Lwm2mTestClient;

/**
 * Registrations per second, reads per second with N simulated clients and heap per registration, for the
 * starter's LWM2M server and for raw Leshan with the same settings, in one JVM and one run:
 * <pre>
 * java -Xmx1g -cp benchmarks/target/coap-spring-boot-benchmarks.jar io.coapspring.benchmarks.lwm2m.Lwm2mLoadMain \
 *     [--warmup-runs=1] [--runs=3] [--registrations=10000] [--window=32] [--sockets=16] [--clients=10] [--read-window=16] \
 *     [--read-seconds=5]
 * </pre>
 * A warm-up run of each server (not reported) comes first. Each run starts a fresh server of each kind (their order alternates between runs), registers the given number
 * of endpoints through {@link RegistrationLoad}, measures the heap after a full GC before and after, then
 * starts {@code clients} in-process Leshan clients and reads {@code /3/0/0} through {@link ReadLoad}. The report
 * (Markdown, standard output) gives each run, the medians and the ratios starter / raw of the medians and of
 * same-numbered runs.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mLoadMain {

	private Lwm2mLoadMain() {
	}

	/**
	 * Run the benchmark.
	 * @param args the options
	 * @throws Exception if a run fails
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		Map<String, List<Figures>> results = run(settings, System.err);
		System.out.print(report(settings, results));
		boolean failed = results.values().stream().flatMap(List::stream).anyMatch(Figures::incomplete);
		System.exit(failed ? 1 : 0);
	}

	/**
	 * Run every run of both servers.
	 * @param settings the settings
	 * @param progress where each run is reported as it ends
	 * @return the figures by server name, in run order
	 * @throws InterruptedException if interrupted
	 */
	static Map<String, List<Figures>> run(Settings settings, java.io.PrintStream progress)
			throws InterruptedException {
		Map<String, Supplier<Lwm2mBenchServer>> servers = new LinkedHashMap<>();
		servers.put("raw-leshan", RawLeshanServer::start);
		servers.put("starter", () -> StarterLwm2mServer.start(settings.registrations() + settings.clients() + 100));
		Map<String, List<Figures>> results = new LinkedHashMap<>();
		servers.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
		List<String> order = new ArrayList<>(servers.keySet());
		for (int run = 1 - settings.warmupRuns(); run <= settings.runs(); run++) {
			for (String name : order) {
				Figures figures = runOnce(servers.get(name), settings, run);
				if (run > 0) {
					results.get(name).add(figures);
				}
				progress.printf(Locale.ROOT, "%s %-10s %s%n", (run > 0) ? "run " + run : "warm-up", name, figures);
			}
			java.util.Collections.reverse(order);
		}
		return results;
	}

	private static Figures runOnce(Supplier<Lwm2mBenchServer> factory, Settings settings, int run)
			throws InterruptedException {
		try (Lwm2mBenchServer server = factory.get()) {
			long heapBefore = usedHeapAfterGc();
			RegistrationLoad.Result registered;
			try (RegistrationLoad load = new RegistrationLoad(settings.sockets())) {
				registered = load.register(server.address(), "bench" + run + "-", settings.registrations(),
						settings.window(), Duration.ofSeconds(120));
			}
			int stored = server.registrations();
			long heapAfter = usedHeapAfterGc();
			List<Lwm2mTestClient> clients = new ArrayList<>();
			List<String> names = new ArrayList<>();
			try {
				for (int i = 0; i < settings.clients(); i++) {
					String name = "reader" + run + "-" + i;
					Lwm2mTestClient client = Lwm2mTestClient.builder(name)
						.serverUri("coap://127.0.0.1:" + server.address().getPort())
						.device("ACME", "Bench", "SN-" + i)
						.build();
					clients.add(client);
					client.start();
					names.add(name);
				}
				for (Lwm2mTestClient client : clients) {
					client.awaitRegistered(Duration.ofSeconds(30));
				}
				ReadLoad.Result reads = ReadLoad.run(server::read, names, settings.readWindow(),
						settings.readWarmup(), settings.readDuration());
				return new Figures(registered, stored, (heapAfter - heapBefore) / (double) Math.max(1, stored),
						reads);
			}
			finally {
				clients.forEach(Lwm2mTestClient::close);
			}
		}
	}

	private static long usedHeapAfterGc() {
		var memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * Render the report.
	 * @param settings the settings
	 * @param results the figures by server
	 * @return Markdown
	 */
	static String report(Settings settings, Map<String, List<Figures>> results) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"LWM2M load, %s, load average %.2f, %d CPUs, Java %s, %d runs: %d registrations (window %d, %d "
						+ "sockets), reads of /3/0/0 TLV from %d clients (window %d, %d s after %d s warm-up)%n%n",
				Instant.now(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors(), Runtime.version(), settings.runs(),
				settings.registrations(), settings.window(), settings.sockets(), settings.clients(),
				settings.readWindow(), settings.readDuration().toSeconds(), settings.readWarmup().toSeconds()));
		out.append("| server | registrations/s median [min–max] | reads/s median [min–max] | "
				+ "heap B/registration median [min–max] | refused+lost registrations | failed reads |\n");
		out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (Map.Entry<String, List<Figures>> entry : results.entrySet()) {
			List<Figures> runs = entry.getValue();
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d |%n", entry.getKey(),
					spread(runs.stream().mapToDouble((f) -> f.registered().perSecond()).toArray()),
					spread(runs.stream().mapToDouble((f) -> f.reads().perSecond()).toArray()),
					spread(runs.stream().mapToDouble(Figures::heapPerRegistration).toArray()),
					runs.stream().mapToInt((f) -> f.registered().refused() + f.registered().lost()).sum(),
					runs.stream().mapToLong((f) -> f.reads().failed()).sum()));
		}
		List<Figures> starter = results.get("starter");
		List<Figures> raw = results.get("raw-leshan");
		if (starter != null && raw != null && !starter.isEmpty() && starter.size() == raw.size()) {
			out.append("\nstarter / raw Leshan: ratio of medians [lowest–highest ratio of same-numbered runs]\n\n");
			out.append("| registrations/s | reads/s | heap per registration |\n| ---: | ---: | ---: |\n");
			out.append(String.format(Locale.ROOT, "| %s | %s | %s |%n",
					ratio(starter, raw, (f) -> f.registered().perSecond()),
					ratio(starter, raw, (f) -> f.reads().perSecond()), ratio(starter, raw, Figures::heapPerRegistration)));
		}
		return out.toString();
	}

	private static String ratio(List<Figures> starter, List<Figures> raw,
			java.util.function.ToDoubleFunction<Figures> figure) {
		double[] ratios = new double[starter.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = figure.applyAsDouble(starter.get(i)) / figure.applyAsDouble(raw.get(i));
		}
		double medianRatio = median(starter.stream().mapToDouble(figure).toArray())
				/ median(raw.stream().mapToDouble(figure).toArray());
		return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", medianRatio, Arrays.stream(ratios).min().orElse(0),
				Arrays.stream(ratios).max().orElse(0));
	}

	private static String spread(double[] values) {
		return String.format(Locale.ROOT, "%,.0f [%,.0f–%,.0f]", median(values), Arrays.stream(values).min().orElse(0),
				Arrays.stream(values).max().orElse(0));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * One run of one server.
	 * @param registered the registration run
	 * @param stored registrations in the server's store afterwards
	 * @param heapPerRegistration heap growth after a full GC divided by the registrations stored
	 * @param reads the read run
	 */
	record Figures(RegistrationLoad.Result registered, int stored, double heapPerRegistration,
			ReadLoad.Result reads) {

		boolean incomplete() {
			return this.registered.refused() + this.registered.lost() > 0 || this.reads.failed() > 0
					|| this.reads.completed() == 0;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%,.0f registrations/s (%d created, %d refused, %d lost, %d stored), %,.0f B heap/registration, "
							+ "%,.0f reads/s (%d failed)",
					this.registered.perSecond(), this.registered.created(), this.registered.refused(),
					this.registered.lost(), this.stored, this.heapPerRegistration, this.reads.perSecond(),
					this.reads.failed());
		}

	}

	/**
	 * The run's settings.
	 * @param warmupRuns unreported runs per server before the others
	 * @param runs runs per server
	 * @param registrations registrations per run
	 * @param window registrations in flight
	 * @param sockets client sockets the registrations come from
	 * @param clients Leshan clients that answer reads
	 * @param readWindow reads in flight
	 * @param readWarmup reads before counting
	 * @param readDuration reads counted
	 */
	record Settings(int warmupRuns, int runs, int registrations, int window, int sockets, int clients, int readWindow,
			Duration readWarmup, Duration readDuration) {

		static Settings parse(String... args) {
			Map<String, Integer> values = new LinkedHashMap<>(Map.of("warmup-runs", 1, "runs", 3, "registrations",
					10_000, "window", 32, "sockets", 16, "clients", 10, "read-window", 16, "read-warmup", 2,
					"read-seconds", 5));
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				if (pair.length != 2 || !values.containsKey(pair[0])) {
					throw new IllegalArgumentException("Unknown option '" + arg + "'; options: --" + String.join("=N --",
							values.keySet()) + "=N");
				}
				values.put(pair[0], Integer.valueOf(pair[1]));
			}
			return new Settings(values.get("warmup-runs"), values.get("runs"), values.get("registrations"), values.get("window"),
					values.get("sockets"), values.get("clients"), values.get("read-window"),
					Duration.ofSeconds(values.get("read-warmup")), Duration.ofSeconds(values.get("read-seconds")));
		}

	}

}
