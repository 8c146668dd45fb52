package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.coapspring.benchmarks.harness.HarnessSettings.Mode;
import io.coapspring.benchmarks.load.CoapCodec;
import io.coapspring.benchmarks.load.CoapProbe;
import io.coapspring.benchmarks.load.ObserveLoad;
import io.coapspring.benchmarks.load.ObserveLoad.ObserveCounts;
import io.coapspring.benchmarks.servers.RawCaliforniumServer;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import org.jspecify.annotations.Nullable;

/**
 * Observe at scale (issue 24): many relations on one server with a 1 GiB heap, and the fan-out of one change.
 * <pre>
 * java -cp benchmarks/target/coap-spring-boot-benchmarks.jar io.coapspring.benchmarks.harness.ObserveScaleMain
 *     [--relations=100000] [--fanout=10000] [--changes=20] [--servers=raw-starter,starter]
 *     [--per-socket=50] [--histogram]
 * </pre>
 * Observers are spread over source sockets, {@code per-socket} behind each (50 by default, as in the harness's
 * observe scenario; 1 makes every relation a peer of its own). For each server, in a fresh process with the
 * harness's flags ({@code -Xmx1g}):
 * <ol>
 * <li><b>Scale</b>: {@code relations} observers register; the heap after full
 * GCs before and after gives the bytes per relation; then 3 changes, 10 s apart, and the notifications that
 * reached the observers are counted (one per observer and change at most), and the observers that hold the
 * last change at the end. With {@code --histogram} the class
 * histograms ({@code jcmd <pid> GC.class_histogram}) before and after the registrations are compared, and the
 * classes that grew most are printed per relation to standard error.</li>
 * <li><b>Fan-out</b>: in another fresh process, {@code fanout} observers register, one change run warms up,
 * then {@code changes} changes one second apart; the lag from each change to each notification received gives
 * p50 and p99.</li>
 * </ol>
 * Every server is started with {@code -Dcoap.observe.max-observers=0}, no limit on relations: the starter's
 * property of that name and Californium's {@code MAX_SERVER_OBSERVES}, which the raw servers set from the same
 * property, are both 50,000 by default, and would refuse half of the 100,000 relations asked for; and with
 * {@code coap.lwm2m.server.port=0}, so that the starter's LWM2M endpoint never meets a port in use. Progress goes to
 * standard error, a Markdown table to standard output.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ObserveScaleMain {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(300);

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

	private static final int SCALE_CHANGES = 3;

	private static final double SCALE_CHANGES_PER_SECOND = 0.1;

	private ObserveScaleMain() {
	}

	/**
	 * Run the observe-at-scale measurement.
	 * @param args the options
	 * @throws Exception if the harness itself fails
	 */
	public static void main(String[] args) throws Exception {
		int relations = 100_000;
		int fanout = 10_000;
		int changes = 20;
		boolean histogram = false;
		int perSocket = 50;
		Set<String> servers = new LinkedHashSet<>(List.of("raw-starter", "starter"));
		for (String arg : args) {
			if (arg.startsWith("--relations=")) {
				relations = Integer.parseInt(arg.substring(12));
			}
			else if (arg.startsWith("--fanout=")) {
				fanout = Integer.parseInt(arg.substring(9));
			}
			else if (arg.startsWith("--changes=")) {
				changes = Integer.parseInt(arg.substring(10));
			}
			else if (arg.startsWith("--servers=")) {
				servers = new LinkedHashSet<>(Arrays.asList(arg.substring(10).split(",")));
			}
			else if (arg.startsWith("--per-socket=")) {
				perSocket = Integer.parseInt(arg.substring(13));
			}
			else if (arg.equals("--histogram")) {
				histogram = true;
			}
			else {
				System.err.println("Usage: ObserveScaleMain [--relations=100000] [--fanout=10000] [--changes=20] "
						+ "[--servers=raw-default,raw-starter,starter] [--per-socket=50] [--histogram]");
				System.exit(2);
			}
		}
		HarnessSettings settings = HarnessSettings.of(Mode.QUICK, Set.of("observe"), servers, false)
			.withExtraServerFlags(List.of("-D" + RawCaliforniumServer.MAX_OBSERVERS_PROPERTY + "=0", "-Dcoap.lwm2m.server.port=0"));
		PrintStream out = System.err;
		String load = Report.loadAverage();
		List<String> rows = new ArrayList<>();
		boolean failed = false;
		for (ServerDefinition server : ServerDefinition.all(settings)) {
			if (!settings.includes(server) || !server.hasAdmin()) {
				continue;
			}
			try {
				@Nullable Scale scale = (relations > 0) ? scale(settings, server, relations, perSocket, histogram, out) : null;
				@Nullable Fanout fan = (fanout > 0) ? fanout(settings, server, fanout, perSocket, changes, out) : null;
				rows.add(row(server, scale, fan));
			}
			catch (IOException | RuntimeException ex) {
				out.printf("  FAILED: %s%n", ex);
				rows.add("| " + server.label() + " | failed: " + ex.getMessage() + " |");
				failed = true;
			}
		}
		System.out.println("Load average at start: " + load + "; at end: " + Report.loadAverage());
		System.out.println("Server flags: `" + String.join(" ", settings.serverJvmFlags()) + "`");
		System.out.println();
		System.out.println("| server | relations registered | heap per relation | live bytes per relation (class histogram) | notifications delivered after "
				+ SCALE_CHANGES + " changes | relations at end | observers holding the last change | fan-out observers | fan-out changes | delivered "
				+ "| lag p50 ms | lag p99 ms | lag max ms |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		rows.forEach(System.out::println);
		System.exit(failed ? 1 : 0);
	}

	private static Scale scale(HarnessSettings settings, ServerDefinition server, int relations, int perSocket,
			boolean histogram, PrintStream out) throws IOException, InterruptedException {
		out.printf("scale %s: %d relations%n", server.name(), relations);
		try (ServerProcess process = ServerProcess.start(server, settings.outputDirectory().resolve("logs"),
				START_TIMEOUT);
				ObserveLoad load = new ObserveLoad(process.address(), relations,
						Math.max(1, relations / perSocket))) {
			Map<String, long[]> before = histogram ? histogram(settings, process.pid()) : Map.of();
			double heapBefore = heapUsed(process.address());
			int registered = load.register(ScenarioPaths.OBSERVE, REGISTRATION_TIMEOUT);
			double heapAfter = heapUsed(process.address());
			double perRelation = (registered > 0) ? (heapAfter - heapBefore) / registered : -1;
			out.printf("  registered %d of %d, heap %.1f -> %.1f MB, %.0f bytes per relation%n", registered, relations,
					heapBefore / 1e6, heapAfter / 1e6, perRelation);
			double live = histogram ? printGrowth(before, histogram(settings, process.pid()), registered, out) : -1;
			Run run = changeRun(process.address(), load, SCALE_CHANGES_PER_SECOND,
					Duration.ofMillis((long) (SCALE_CHANGES / SCALE_CHANGES_PER_SECOND * 1000) - 1000));
			out.printf("  after: %s%n", run);
			if (!process.isAlive()) {
				throw new IOException("server process died");
			}
			return new Scale(registered, perRelation, live, run);
		}
	}

	private static Fanout fanout(HarnessSettings settings, ServerDefinition server, int observers, int perSocket,
			int changes, PrintStream out) throws IOException, InterruptedException {
		out.printf("fan-out %s: %d observers, %d changes 1 s apart%n", server.name(), observers, changes);
		try (ServerProcess process = ServerProcess.start(server, settings.outputDirectory().resolve("logs"),
				START_TIMEOUT);
				ObserveLoad load = new ObserveLoad(process.address(), observers,
						Math.max(1, observers / perSocket))) {
			int registered = load.register(ScenarioPaths.OBSERVE, REGISTRATION_TIMEOUT);
			out.printf("  registered %d of %d%n", registered, observers);
			out.printf("  warm-up: %s%n", changeRun(process.address(), load, 1, Duration.ofSeconds(5)));
			Run run = changeRun(process.address(), load, 1, Duration.ofSeconds(changes));
			out.printf("  measured: %s%n", run);
			return new Fanout(registered, run);
		}
	}

	/**
	 * One change run: the server changes its observed state {@code perSecond} times a second for
	 * {@code duration}, while the observers count what arrives.
	 */
	private static Run changeRun(InetSocketAddress address, ObserveLoad load, double perSecond, Duration duration)
			throws IOException, InterruptedException {
		load.startCounting();
		CoapProbe.Response started = CoapProbe.request(address, CoapCodec.POST, ScenarioPaths.ADMIN_CHANGE,
				perSecond + " " + duration.toMillis() / 1000.0, ADMIN_TIMEOUT);
		if (started == null || !started.isSuccess()) {
			throw new IOException("Change run did not start");
		}
		Thread.sleep(duration.toMillis());
		String[] stats = stats(address);
		long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
		while (Boolean.parseBoolean(stats[3]) && System.nanoTime() - deadline < 0) {
			Thread.sleep(200);
			stats = stats(address);
		}
		// let the last notifications arrive
		Thread.sleep(2000);
		ObserveCounts counts = load.stopCounting();
		stats = stats(address);
		return new Run(Long.parseLong(stats[0]), Integer.parseInt(stats[2]), counts, load.observersWithLatest());
	}

	private static String[] stats(InetSocketAddress address) throws IOException {
		CoapProbe.Response response = CoapProbe.request(address, CoapCodec.GET, ScenarioPaths.ADMIN_STATS, null,
				ADMIN_TIMEOUT);
		return (response != null) ? response.text().split(" ") : new String[] { "0", "0", "0", "true" };
	}

	private static double heapUsed(InetSocketAddress address) throws IOException {
		CoapProbe.Response response = CoapProbe.request(address, CoapCodec.GET, ScenarioPaths.ADMIN_HEAP, null,
				ADMIN_TIMEOUT);
		if (response == null || !response.isSuccess()) {
			throw new IOException("No answer from " + ScenarioPaths.ADMIN_HEAP);
		}
		return Double.parseDouble(response.text().split(" ")[0]);
	}

	/**
	 * The live class histogram of a process: class name to instances and bytes.
	 */
	private static Map<String, long[]> histogram(HarnessSettings settings, long pid)
			throws IOException, InterruptedException {
		String jcmd = Path.of(settings.javaExecutable()).resolveSibling("jcmd").toString();
		Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("jcmd did not finish");
		}
		Map<String, long[]> classes = new HashMap<>();
		for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length >= 4 && parts[0].endsWith(":")) {
				classes.put(parts[3], new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) });
			}
		}
		return classes;
	}

	private static double printGrowth(Map<String, long[]> before, Map<String, long[]> after, int relations,
			PrintStream out) {
		if (relations <= 0) {
			return -1;
		}
		List<Map.Entry<String, long[]>> growth = new ArrayList<>();
		long total = 0;
		for (Map.Entry<String, long[]> entry : after.entrySet()) {
			long[] old = before.getOrDefault(entry.getKey(), new long[2]);
			long[] delta = { entry.getValue()[0] - old[0], entry.getValue()[1] - old[1] };
			total += delta[1];
			growth.add(Map.entry(entry.getKey(), delta));
		}
		growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
		out.printf("  class histogram, after minus before, per relation: %.0f bytes in all%n",
				(double) total / relations);
		for (Map.Entry<String, long[]> entry : growth) {
			if (Math.abs(entry.getValue()[1]) < relations) {
				// less than a byte per relation
				continue;
			}
			out.printf("  %8.2f instances %8.1f bytes  %s%n", (double) entry.getValue()[0] / relations,
					(double) entry.getValue()[1] / relations, entry.getKey());
		}
		return (double) total / relations;
	}

	private static String row(ServerDefinition server, @Nullable Scale scale, @Nullable Fanout fan) {
		StringBuilder row = new StringBuilder("| " + server.label() + " | ");
		if (scale != null) {
			long expected = (long) scale.registered() * scale.run().changes();
			row.append(scale.registered())
				.append(" | ")
				.append(String.format("%.0f B", scale.perRelation()))
				.append(" | ")
				.append((scale.livePerRelation() >= 0) ? String.format("%.0f B", scale.livePerRelation()) : "–")
				.append(" | ")
				.append(String.format("%d of %d (%.2f%%)", scale.run().counts().delivered(), expected,
						(expected > 0) ? 100.0 * scale.run().counts().delivered() / expected : 0))
				.append(" | ")
				.append(scale.run().relations())
				.append(" | ")
				.append(scale.run().withLatest())
				.append(" | ");
		}
		else {
			row.append("– | – | – | – | – | – | ");
		}
		if (fan != null) {
			ObserveCounts counts = fan.run().counts();
			long expected = (long) fan.registered() * fan.run().changes();
			row.append(fan.registered())
				.append(" | ")
				.append(fan.run().changes())
				.append(" | ")
				.append(String.format("%.2f%%", (expected > 0) ? 100.0 * counts.delivered() / expected : 0))
				.append(" | ")
				.append(String.format("%.1f | %.1f | %.1f |", counts.lagP50Millis(), counts.lagP99Millis(),
						counts.lagMaxMillis()));
		}
		else {
			row.append("– | – | – | – | – | – |");
		}
		return row.toString();
	}

	private record Scale(int registered, double perRelation, double livePerRelation, Run run) {
	}

	private record Fanout(int registered, Run run) {
	}

	private record Run(long changes, int relations, ObserveCounts counts, int withLatest) {

		@Override
		public String toString() {
			return this.changes + " changes, " + this.relations + " relations at end, " + this.withLatest
					+ " observers hold the last change, " + this.counts;
		}

	}

}
