package io.coapspring.lwm2m.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.cluster.ClusterChangePublisher;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis unreachable from one node only: node A reaches redis-server through a {@link TcpRelay}, node B directly.
 * With the relay cut, A refuses LWM2M registrations with an error answer, reports its Redis health DOWN and
 * counts the changes it cannot publish, while B keeps registering and serving devices; with the relay restored, A
 * recovers by itself.
 */
class Lwm2mClusterPartitionTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final String prefix = "lwm2m-partition-" + UUID.randomUUID() + ":";

	private final List<ConfigurableApplicationContext> nodes = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext node(String id, int redisPort) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Node.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "coap.server.address=127.0.0.1", "coap.server.port=0",
					"coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"coap.lwm2m.server.request-timeout=3s", "coap.cluster.enabled=true", "coap.cluster.node-id=" + id,
					"coap.cluster.key-prefix=" + this.prefix, "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redisPort, "spring.data.redis.timeout=3s",
					"spring.data.redis.connect-timeout=3s")
			.run();
		this.nodes.add(context);
		return context;
	}

	private static String lwm2mUri(ConfigurableApplicationContext node) {
		return "coap://127.0.0.1:"
				+ node.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
	}

	private static Status redisHealth(ConfigurableApplicationContext node) {
		// Spring Boot's own Redis health contributor (the reactive one, Reactor being on the class path)
		Health health = node.getBean("redisHealthContributor", ReactiveHealthIndicator.class)
			.health()
			.block(Duration.ofSeconds(10));
		return (health != null) ? health.getStatus() : Status.UNKNOWN;
	}

	@Test
	void aNodeCutFromRedisRefusesAndRecoversWhileTheOtherKeepsServing() throws IOException {
		try (TcpRelay relay = TcpRelay.start(redis.getPort())) {
			ConfigurableApplicationContext a = node("a", relay.getPort());
			ConfigurableApplicationContext b = node("b", redis.getPort());
			assertThat(redisHealth(a)).isEqualTo(Status.UP);

			relay.cut();
			long cut = System.nanoTime();
			// A: health DOWN
			await().atMost(WAIT).until(() -> redisHealth(a).equals(Status.DOWN));
			System.out.printf("Partition: node A's Redis health DOWN %d ms after the cut%n",
					Duration.ofNanos(System.nanoTime() - cut).toMillis());
			// A: a device registering through A gets an error answer
			try (Lwm2mTestClient refused = Lwm2mTestClient.builder("partition-a")
				.serverUri(lwm2mUri(a))
				.device("ACME", "M7", "SN-7")
				.build()) {
				refused.start();
				await().atMost(WAIT).until(() -> refused.getRegistrationFailure() != null);
				System.out.println("Partition: registration through node A: " + refused.getRegistrationFailure());
				assertThat(refused.getRegistrationFailure()).contains("INTERNAL_SERVER_ERROR");
			}
			// A: the changes it cannot publish are counted
			ClusterChangePublisher publisher = a.getBean(ClusterChangePublisher.class);
			long failed = publisher.getFailed();
			a.getBean(CoapNotifier.class).changed("/sensors/1");
			await().atMost(WAIT).until(() -> publisher.getFailed() > failed);
			// B keeps serving: a device registers through B, and B reads it
			try (Lwm2mTestClient throughB = Lwm2mTestClient.builder("partition-b")
				.serverUri(lwm2mUri(b))
				.device("ACME", "M7", "SN-7")
				.build()) {
				throughB.start();
				throughB.awaitRegistered(WAIT);
				assertThat(b.getBean(Lwm2mOperations.class).read("partition-b", "/3/0/0").value()).isEqualTo("ACME");
				assertThat(redisHealth(b)).isEqualTo(Status.UP);

				relay.restore();
				long restored = System.nanoTime();
				// A recovers by itself: health UP, it registers devices again and sees B's device
				await().atMost(WAIT).until(() -> redisHealth(a).equals(Status.UP));
				System.out.printf("Partition: node A's Redis health UP %d ms after the restore%n",
						Duration.ofNanos(System.nanoTime() - restored).toMillis());
				try (Lwm2mTestClient again = Lwm2mTestClient.builder("partition-a2")
					.serverUri(lwm2mUri(a))
					.device("ACME", "M7", "SN-7")
					.build()) {
					again.start();
					again.awaitRegistered(WAIT);
					assertThat(a.getBean(Lwm2mOperations.class).getRegistration("partition-b")).isPresent();
					assertThat(b.getBean(Lwm2mOperations.class).getRegistration("partition-a2")).isPresent();
				}
				long published = publisher.getPublished();
				a.getBean(CoapNotifier.class).changed("/sensors/1");
				await().atMost(WAIT).until(() -> publisher.getPublished() > published);
			}
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Node {

	}

}
