package io.coapspring.server.observe.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.CoapObservations;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Measures the server side of observe: the heap held per observe relation, and the delivery of notifications
 * when a resource with 1,000 or 10,000 observers changes ten times a second. Not a test: a tool whose figures go
 * into {@code docs/observe.md}. Run it with the test class path, for instance:
 *
 * <pre>
 * ./mvnw -q -pl coap-spring-boot-autoconfigure dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * cd coap-spring-boot-autoconfigure
 * java -Xmx1g -cp "$(cat /tmp/cp.txt):target/classes:target/test-classes" \
 *     io.coapspring.server.observe.load.ObserveLoadMeasurement 1000 10000
 * </pre>
 *
 * The observers run in a second JVM ({@link ObserveLoadClient}), so the server's heap holds only the server's
 * state; each notification carries the server's time stamp, from which the observers compute the lag. System
 * properties: {@code seconds} (10) the duration of the changes, {@code server.properties} extra properties of the
 * server ({@code a=1,b=2}), {@code histogram=true} the growth of the heap by class, {@code quiet=true} the cost
 * of the keep-alive of a resource that does not change (with
 * {@code server.properties=coap.observe.notification-check-interval-time=1s}).
 */
public final class ObserveLoadMeasurement {

	private static final int CHANGES_PER_SECOND = 10;

	private static final int SECONDS = Integer.getInteger("seconds", 10);

	private static final int OBSERVERS_PER_ENDPOINT = 100;

	private ObserveLoadMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		for (String arg : args) {
			sizes.add(Integer.parseInt(arg));
		}
		if (sizes.isEmpty()) {
			sizes = List.of(1_000, 10_000);
		}
		for (int observers : sizes) {
			measure(observers);
		}
	}

	private static void measure(int observers) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LoadApplication.class)
			.web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"logging.level.io.coapspring=WARN", "coap.observe.max-observers=0",
					"coap.observe.max-observers-per-peer=0")
			.properties(System.getProperty("server.properties", "").split(","))
			.run();
		try {
			int port = context.getEnvironment()
				.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
			LoadController load = context.getBean(LoadController.class);
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			CoapObservations observations = context.getBean(CoapObservations.class);
			load.value = "0:" + System.nanoTime();
			long heapBefore = usedHeapAfterGc();
			Map<String, long[]> histogramBefore = histogram();
			Process client = new ProcessBuilder(javaBinary(), "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
					ObserveLoadClient.class.getName(), String.valueOf(port), String.valueOf(observers),
					String.valueOf(Math.max(1, observers / OBSERVERS_PER_ENDPOINT)))
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			try {
				BufferedReader output = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter input = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
				String registered = output.readLine();
				int relations = observations.getObserverCount();
				long heapRegistered = usedHeapAfterGc();
				printHistogramGrowth(histogramBefore, histogram(), relations);
				input.println("reset");
				output.readLine();
				if (Boolean.getBoolean("quiet")) {
					measureKeepAlive(observers, relations, input, output);
					context.close();
					input.println("quit");
					output.readLine();
					return;
				}
				int changes = CHANGES_PER_SECOND * SECONDS;
				long start = System.nanoTime();
				for (int i = 1; i <= changes; i++) {
					long due = start + TimeUnit.SECONDS.toNanos(1) * i / CHANGES_PER_SECOND;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					load.value = i + ":" + System.nanoTime();
					notifier.changed("/load");
				}
				long elapsed = System.nanoTime() - start;
				TimeUnit.SECONDS.sleep(2);
				input.println("report");
				String[] report = output.readLine().split(" ");
				long received = Long.parseLong(report[1]);
				long heapNotified = usedHeapAfterGc();
				printHistogramGrowth(histogramBefore, histogram(), relations);
				long expected = (long) changes * relations;
				System.out.printf(Locale.ROOT, "%n%,d observers (%s, %,d relations on the server)%n", observers,
						registered, relations);
				System.out.printf(Locale.ROOT, "  heap per relation, registered:                 %,d bytes%n",
						(heapRegistered - heapBefore) / Math.max(1, relations));
				System.out.printf(Locale.ROOT, "  heap per relation, after %d notifications each: %,d bytes%n",
						changes, (heapNotified - heapBefore) / Math.max(1, relations));
				System.out.printf(Locale.ROOT, "  %d changes in %.1f s: %,d of %,d notifications delivered (%.2f %%)%n",
						changes, elapsed / 1e9, received, expected, 100.0 * received / expected);
				System.out.printf(Locale.ROOT, "  notifications per second delivered:           %,.0f%n",
						received / (elapsed / 1e9));
				System.out.printf(Locale.ROOT, "  lag p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
						Long.parseLong(report[2]) / 1000.0, Long.parseLong(report[3]) / 1000.0,
						Long.parseLong(report[4]) / 1000.0);
				// stop the server first: the observers acknowledge their final 5.03
				context.close();
				input.println("quit");
				output.readLine();
			}
			finally {
				client.destroy();
				client.waitFor(10, TimeUnit.SECONDS);
			}
		}
		finally {
			context.close();
		}
	}

	/**
	 * Measure the keep-alive of a quiet resource: no change for {@code seconds}, so every notification is a
	 * keep-alive (run the server with {@code server.properties=coap.observe.notification-check-interval-time=1s}).
	 */
	private static void measureKeepAlive(int observers, int relations, PrintWriter input, BufferedReader output)
			throws IOException, InterruptedException {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long start = System.nanoTime();
		TimeUnit.SECONDS.sleep(SECONDS);
		input.println("report");
		String[] report = output.readLine().split(" ");
		long cpu = os.getProcessCpuTime() - cpuBefore;
		long elapsed = System.nanoTime() - start;
		long received = Long.parseLong(report[1]);
		System.out.printf(Locale.ROOT, "%n%,d observers of a quiet resource (%,d relations on the server)%n", observers,
				relations);
		System.out.printf(Locale.ROOT, "  %.1f s: %,d keep-alive notifications received (%,.0f a second)%n",
				elapsed / 1e9, received, received / (elapsed / 1e9));
		System.out.printf(Locale.ROOT, "  server CPU: %,d ms, %.1f ms per 1,000 keep-alive notifications%n",
				TimeUnit.NANOSECONDS.toMillis(cpu), (cpu / 1e6) / Math.max(1, received) * 1000);
	}

	/**
	 * Return the live objects of the heap by class ({@code jcmd GC.class_histogram}), when the system property
	 * {@code histogram} is {@code true}: instances and bytes.
	 */
	private static Map<String, long[]> histogram() throws IOException, InterruptedException {
		Map<String, long[]> classes = new HashMap<>();
		if (!Boolean.getBoolean("histogram")) {
			return classes;
		}
		Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
			.redirectErrorStream(true)
			.start();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length >= 4 && columns[0].endsWith(":")) {
					classes.put(columns[3], new long[] { Long.parseLong(columns[1]), Long.parseLong(columns[2]) });
				}
			}
		}
		jcmd.waitFor(30, TimeUnit.SECONDS);
		return classes;
	}

	private static void printHistogramGrowth(Map<String, long[]> before, Map<String, long[]> after, int relations) {
		if (after.isEmpty()) {
			return;
		}
		System.out.println("  growth per relation by class (bytes, instances):");
		after.entrySet()
			.stream()
			.map((entry) -> {
				long[] previous = before.getOrDefault(entry.getKey(), new long[2]);
				return Map.entry(entry.getKey(), new long[] { entry.getValue()[0] - previous[0],
						entry.getValue()[1] - previous[1] });
			})
			.filter((entry) -> entry.getValue()[1] >= relations * 8L)
			.sorted((left, right) -> Long.compare(right.getValue()[1], left.getValue()[1]))
			.limit(30)
			.forEach((entry) -> System.out.printf(Locale.ROOT, "    %6.0f %6.2f  %s%n",
					(double) entry.getValue()[1] / relations, (double) entry.getValue()[0] / relations,
					entry.getKey()));
	}

	private static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			TimeUnit.MILLISECONDS.sleep(200);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/**
	 * The measured application: one observable resource.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LoadController.class)
	static class LoadApplication {

	}

	/**
	 * An observable resource whose representation is a counter and the server's time stamp of its change.
	 */
	@CoapController
	static class LoadController {

		volatile String value = "0:0";

		@CoapGetMapping(path = "/load", produces = "text/plain", observable = true)
		String load() {
			return this.value;
		}

	}

}
