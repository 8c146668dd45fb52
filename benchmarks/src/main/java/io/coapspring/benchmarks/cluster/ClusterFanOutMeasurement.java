package io.coapspring.benchmarks.cluster;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.CoapNotifier;
import org.HdrHistogram.Histogram;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The latency of {@code CoapNotifier.changed(..)} until a CoAP observer has the notification, signalled on the
 * observer's own node (no cluster hop) and on another node (through Redis pub/sub), in the same run: two nodes in
 * this JVM, one observer on node A, changes one at a time, alternating local and remote. The resource reads its
 * value from Redis in both cases, so the difference is the fan-out. Needs a running Redis:
 * <pre>
 * redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no &amp;
 * java -cp benchmarks/target/coap-spring-boot-benchmarks.jar:benchmarks/target/lib/* \
 *     io.coapspring.benchmarks.cluster.ClusterFanOutMeasurement [redis-port] [changes]
 * </pre>
 * CPU is shared on the machines this project is built on: compare the two rows of one run, not runs.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ClusterFanOutMeasurement {

	private ClusterFanOutMeasurement() {
	}

	/**
	 * Run the measurement.
	 * @param args the Redis port (6390) and the number of changes of each kind (2000)
	 * @throws Exception if a node cannot start or a notification does not arrive within 5 s
	 */
	public static void main(String[] args) throws Exception {
		int redisPort = (args.length > 0) ? Integer.parseInt(args[0]) : 6390;
		int changes = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		String prefix = "bench-" + UUID.randomUUID() + ":";
		try (ConfigurableApplicationContext a = node("a", prefix, redisPort);
				ConfigurableApplicationContext b = node("b", prefix, redisPort)) {
			Histogram local = new Histogram(TimeUnit.SECONDS.toNanos(5), 3);
			Histogram remote = new Histogram(TimeUnit.SECONDS.toNanos(5), 3);
			BlockingQueue<String> received = new ArrayBlockingQueue<>(16);
			CoapEndpoint endpoint = new CoapEndpoint.Builder()
				.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS))
				.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
				.build();
			CoapClient client = new CoapClient("coap://127.0.0.1:" + port(a) + "/level");
			client.setEndpoint(endpoint);
			StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
			redis.opsForValue().set(prefix + "level", "start");
			CoapObserveRelation relation = client.observe(new CoapHandler() {

				@Override
				public void onLoad(CoapResponse response) {
					received.offer(response.getResponseText());
				}

				@Override
				public void onError() {
				}

			});
			await(received, "start");
			CoapNotifier notifierA = a.getBean(CoapNotifier.class);
			CoapNotifier notifierB = b.getBean(CoapNotifier.class);
			int warmup = Math.max(100, changes / 10);
			for (int i = 0; i < warmup + changes; i++) {
				boolean measured = i >= warmup;
				change(redis, prefix, notifierA, received, "l" + i, measured ? local : null);
				change(redis, prefix, notifierB, received, "r" + i, measured ? remote : null);
			}
			relation.proactiveCancel();
			client.shutdown();
			endpoint.destroy();
			System.out.printf("changes of each kind: %d (after %d warm-up), load average %s%n", changes, warmup,
					java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
			print("changed() on the observer's node", local);
			print("changed() on the other node", remote);
			System.out.printf("ratio of medians (other node / own node): %.2f%n",
					(double) remote.getValueAtPercentile(50) / local.getValueAtPercentile(50));
		}
	}

	private static void change(StringRedisTemplate redis, String prefix, CoapNotifier notifier,
			BlockingQueue<String> received, String value, @Nullable Histogram histogram) throws InterruptedException {
		redis.opsForValue().set(prefix + "level", value);
		long start = System.nanoTime();
		notifier.changed("/level");
		await(received, value);
		if (histogram != null) {
			histogram.recordValue(Math.min(System.nanoTime() - start, histogram.getHighestTrackableValue()));
		}
	}

	private static void await(BlockingQueue<String> received, String value) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			String next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next == null) {
				throw new IllegalStateException("No notification with " + value + " within 5 s");
			}
			if (next.equals(value)) {
				return;
			}
		}
	}

	private static void print(String label, Histogram histogram) {
		System.out.printf("%-34s p50 %7.1f us  p99 %7.1f us  max %8.1f us%n", label,
				histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
				histogram.getMaxValue() / 1000.0);
	}

	private static ConfigurableApplicationContext node(String id, String prefix, int redisPort) {
		return new SpringApplicationBuilder(Node.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn",
					"coap.lwm2m.server.enabled=false", "coap.cluster.enabled=true", "coap.cluster.node-id=" + id,
					"coap.cluster.key-prefix=" + prefix, "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redisPort)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
	}

	/**
	 * A node: {@code /level} reads its value from Redis, the state every node shares.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Level.class)
	static class Node {

	}

	@CoapController
	static class Level {

		private final StringRedisTemplate redis;

		private final String key;

		Level(StringRedisTemplate redis, org.springframework.core.env.Environment environment) {
			this.redis = redis;
			this.key = environment.getRequiredProperty("coap.cluster.key-prefix") + "level";
		}

		@CoapGetMapping(path = "/level", observable = true)
		String level() {
			String value = this.redis.opsForValue().get(this.key);
			return (value != null) ? value : "none";
		}

	}

}
