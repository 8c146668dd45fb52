package io.coapspring.benchmarks.cluster;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.coapspring.benchmarks.lwm2m.RegistrationLoad;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import org.eclipse.leshan.server.LeshanServer;
import redis.clients.jedis.Jedis;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * LWM2M registrations at scale in cluster mode, against the single node with its in-memory store, in one run with
 * one {@code redis-server} this class starts on a free loopback port (and stops by PID):
 * <ol>
 * <li>memory: {@code registrations} simulated devices register ({@link RegistrationLoad}) on one starter LWM2M
 * server with the in-memory store (cluster off), then on one in cluster mode (Leshan's Redis store); bytes per
 * registration in Redis ({@code INFO memory} {@code used_memory} delta) and on this JVM's heap (after full GCs,
 * delta) for each;</li>
 * <li>rate: {@code passes} short passes of {@code rate-registrations} each against the single node and against 1
 * .. {@code max-instances} cluster instances (starter contexts on their own ports sharing the Redis; the
 * driver's sockets are spread over them), after {@code warmup-passes} unreported ones; medians and the ratio
 * cluster-1-node / single-node.</li>
 * </ol>
 * <pre>
 * java -Xmx2g -cp 'benchmarks/target/coap-spring-boot-benchmarks.jar:benchmarks/target/lib/*' \
 *     io.coapspring.benchmarks.cluster.ClusterScaleMain [--registrations=100000] [--rate-registrations=10000] \
 *     [--passes=3] [--warmup-passes=1] [--max-instances=3] [--window=32] [--sockets=16]
 * </pre>
 * Registrations ask for a lifetime of 3600 s, longer than a run: nothing expires. All nodes, the driver and
 * Redis share the machine's cores: on a small machine the multi-instance rates show the CPU, not the cluster.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ClusterScaleMain {

	static final String SINGLE = "single node (in-memory store)";

	private ClusterScaleMain() {
	}

	/**
	 * Run the measurement and print the report (Markdown) on standard output.
	 * @param args the options
	 * @throws Exception if Redis or a node cannot start
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		Results results;
		try (RedisProcess redis = RedisProcess.start()) {
			results = run(settings, redis.port(), System.err);
		}
		System.out.print(report(settings, results));
		System.exit(results.complete() ? 0 : 1);
	}

	/**
	 * Run both parts against a running Redis (flushed between steps).
	 * @param settings the settings
	 * @param redisPort the Redis port on 127.0.0.1
	 * @param progress where each step is reported as it ends
	 * @return the figures
	 * @throws InterruptedException if interrupted
	 */
	static Results run(Settings settings, int redisPort, PrintStream progress) throws InterruptedException {
		try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
			jedis.flushAll();
			List<Memory> memory = new ArrayList<>();
			for (int instances : new int[] { 0, 1 }) {
				Memory figures = memory(settings, redisPort, jedis, instances == 1);
				progress.println("memory " + figures);
				memory.add(figures);
			}
			Map<String, List<Pass>> rates = new LinkedHashMap<>();
			List<Integer> order = new ArrayList<>();
			for (int instances = 0; instances <= settings.maxInstances(); instances++) {
				order.add(instances);
				rates.put(label(instances), new ArrayList<>());
			}
			for (int pass = 1 - settings.warmupPasses(); pass <= settings.passes(); pass++) {
				for (int instances : order) {
					Pass figures = pass(settings, redisPort, jedis, instances, "p" + (pass + 100) + "-");
					progress.printf(Locale.ROOT, "%s %s: %s%n", (pass > 0) ? "pass " + pass : "warm-up",
							label(instances), figures);
					if (pass > 0) {
						rates.get(label(instances)).add(figures);
					}
				}
				java.util.Collections.reverse(order);
			}
			return new Results(memory, rates);
		}
	}

	static String label(int instances) {
		return (instances == 0) ? SINGLE : "cluster, " + instances + ((instances == 1) ? " instance" : " instances");
	}

	private static Memory memory(Settings settings, int redisPort, Jedis jedis, boolean cluster)
			throws InterruptedException {
		List<ConfigurableApplicationContext> nodes = start(cluster ? 1 : 0, settings, redisPort);
		try {
			long heapBefore = usedHeapAfterGc();
			long redisBefore = usedMemory(jedis);
			RegistrationLoad.Result registered = register(settings, nodes, settings.registrations(), "mem-");
			long heapAfter = usedHeapAfterGc();
			long redisAfter = usedMemory(jedis);
			int stored = stored(nodes.get(0));
			return new Memory(label(cluster ? 1 : 0), registered, stored,
					(heapAfter - heapBefore) / (double) Math.max(1, stored),
					(redisAfter - redisBefore) / (double) Math.max(1, stored));
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
			jedis.flushAll();
		}
	}

	private static Pass pass(Settings settings, int redisPort, Jedis jedis, int instances, String prefix)
			throws InterruptedException {
		List<ConfigurableApplicationContext> nodes = start(instances, settings, redisPort);
		try {
			RegistrationLoad.Result registered = register(settings, nodes, settings.rateRegistrations(), prefix);
			return new Pass(registered, stored(nodes.get(0)));
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
			jedis.flushAll();
		}
	}

	private static RegistrationLoad.Result register(Settings settings, List<ConfigurableApplicationContext> nodes,
			int count, String prefix) throws InterruptedException {
		List<InetSocketAddress> addresses = nodes.stream()
			.map((node) -> new InetSocketAddress(InetAddress.getLoopbackAddress(),
					node.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class)))
			.toList();
		try (RegistrationLoad load = new RegistrationLoad(settings.sockets())) {
			return load.register(addresses, prefix, count, settings.window(),
					Duration.ofSeconds(Math.max(120, count / 100)));
		}
	}

	/**
	 * Start the nodes of one step.
	 * @param instances 0 for the single node without cluster mode, otherwise how many cluster instances
	 */
	private static List<ConfigurableApplicationContext> start(int instances, Settings settings, int redisPort) {
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		for (int i = 0; i < Math.max(1, instances); i++) {
			nodes.add(new SpringApplicationBuilder(Node.class).web(WebApplicationType.NONE)
				.properties("coap.server.enabled=false", "coap.lwm2m.server.address=127.0.0.1",
						"coap.lwm2m.server.port=0",
						"coap.lwm2m.server.registration.max-registrations="
								+ (Math.max(settings.registrations(), settings.rateRegistrations()) + 100),
						"spring.main.banner-mode=off", "logging.level.root=warn",
						"coap.cluster.enabled=" + (instances > 0), "coap.cluster.node-id=node" + i,
						"coap.cluster.key-prefix=scale:", "spring.data.redis.host=127.0.0.1",
						"spring.data.redis.port=" + redisPort)
				.run());
		}
		return nodes;
	}

	/**
	 * Count the registrations the node's store holds (for a cluster node: the shared ones in Redis).
	 */
	private static int stored(ConfigurableApplicationContext node) {
		int count = 0;
		for (Iterator<?> all = node.getBean(LeshanServer.class).getRegistrationService().getAllRegistrations(); all
			.hasNext(); all.next()) {
			count++;
		}
		return count;
	}

	private static long usedMemory(Jedis jedis) {
		for (String line : jedis.info("memory").split("\r?\n")) {
			if (line.startsWith("used_memory:")) {
				return Long.parseLong(line.substring("used_memory:".length()).trim());
			}
		}
		throw new IllegalStateException("INFO memory has no used_memory");
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Render the report.
	 * @param settings the settings
	 * @param results the figures
	 * @return Markdown
	 */
	static String report(Settings settings, Results results) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"LWM2M cluster scale, %s, load average at the end %.2f, %d CPUs, Java %s, -Xmx %d MB; window %d, "
						+ "%d sockets%n%n",
				Instant.now(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors(), Runtime.version(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), settings.window(), settings.sockets()));
		out.append(String.format(Locale.ROOT, "Memory, %,d registrations:%n%n", settings.registrations()));
		out.append("| store | created | refused+lost | stored | registrations/s | Redis B/registration | "
				+ "heap B/registration |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Memory memory : results.memory()) {
			out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,.0f | %,.0f | %,.0f |%n", memory.store(),
					memory.registered().created(), memory.registered().refused() + memory.registered().lost(),
					memory.stored(), memory.registered().perSecond(), memory.redisPerRegistration(),
					memory.heapPerRegistration()));
		}
		out.append(String.format(Locale.ROOT,
				"%nRegistration rate, %,d registrations per pass, median of %d passes [min–max] (after %d warm-up):%n%n",
				settings.rateRegistrations(), settings.passes(), settings.warmupPasses()));
		out.append("| nodes | registrations/s | refused+lost | ratio to single node |\n| --- | ---: | ---: | ---: |\n");
		double single = median(rates(results.rates().get(SINGLE)));
		for (Map.Entry<String, List<Pass>> entry : results.rates().entrySet()) {
			double[] rates = rates(entry.getValue());
			out.append(String.format(Locale.ROOT, "| %s | %,.0f [%,.0f–%,.0f] | %d | %.2f× |%n", entry.getKey(),
					median(rates), Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0),
					entry.getValue().stream().mapToInt((p) -> p.registered().refused() + p.registered().lost()).sum(),
					median(rates) / single));
		}
		return out.toString();
	}

	private static double[] rates(List<Pass> passes) {
		return passes.stream().mapToDouble((pass) -> pass.registered().perSecond()).toArray();
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * A starter LWM2M server; cluster mode (and with it Leshan's Redis store) follows {@code coap.cluster.enabled}.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Node {

	}

	/**
	 * The memory part for one store.
	 * @param store the label
	 * @param registered the registration run
	 * @param stored registrations the store holds afterwards
	 * @param heapPerRegistration heap growth after full GCs / stored
	 * @param redisPerRegistration Redis {@code used_memory} growth / stored
	 */
	record Memory(String store, RegistrationLoad.Result registered, int stored, double heapPerRegistration,
			double redisPerRegistration) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%s: %d created, %d refused, %d lost, %d stored, %,.0f/s, %,.0f B Redis, %,.0f B heap per registration",
					this.store, this.registered.created(), this.registered.refused(), this.registered.lost(),
					this.stored, this.registered.perSecond(), this.redisPerRegistration, this.heapPerRegistration);
		}

	}

	/**
	 * One rate pass.
	 * @param registered the registration run
	 * @param stored registrations the store holds afterwards
	 */
	record Pass(RegistrationLoad.Result registered, int stored) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%,.0f/s (%d created, %d refused, %d lost, %d stored)",
					this.registered.perSecond(), this.registered.created(), this.registered.refused(),
					this.registered.lost(), this.stored);
		}

	}

	/**
	 * Everything measured.
	 * @param memory the memory part, in-memory store first
	 * @param rates the rate passes by label, single node first
	 */
	record Results(List<Memory> memory, Map<String, List<Pass>> rates) {

		boolean complete() {
			return this.memory.stream()
				.allMatch((m) -> m.registered().refused() + m.registered().lost() == 0
						&& m.stored() == m.registered().created())
					&& this.rates.values()
						.stream()
						.flatMap(List::stream)
						.allMatch((p) -> p.registered().refused() + p.registered().lost() == 0
								&& p.stored() == p.registered().created());
		}

	}

	/**
	 * The run's settings.
	 * @param registrations registrations of the memory part
	 * @param rateRegistrations registrations per rate pass
	 * @param passes reported rate passes per configuration
	 * @param warmupPasses unreported rate passes first
	 * @param maxInstances the most cluster instances
	 * @param window registrations in flight
	 * @param sockets client sockets the registrations come from
	 */
	record Settings(int registrations, int rateRegistrations, int passes, int warmupPasses, int maxInstances,
			int window, int sockets) {

		static Settings parse(String... args) {
			Map<String, Integer> values = new LinkedHashMap<>();
			values.put("registrations", 100_000);
			values.put("rate-registrations", 10_000);
			values.put("passes", 3);
			values.put("warmup-passes", 1);
			values.put("max-instances", 3);
			values.put("window", 32);
			values.put("sockets", 16);
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				if (pair.length != 2 || !values.containsKey(pair[0])) {
					throw new IllegalArgumentException("Unknown option '" + arg + "'; options: --"
							+ String.join("=N --", values.keySet()) + "=N");
				}
				values.put(pair[0], Integer.valueOf(pair[1]));
			}
			return new Settings(values.get("registrations"), values.get("rate-registrations"), values.get("passes"),
					values.get("warmup-passes"), values.get("max-instances"), values.get("window"),
					values.get("sockets"));
		}

	}

}
