package io.coapspring.lwm2m.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.lwm2m.event.Lwm2mRegistrationUpdatedEvent;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.coapspring.testsupport.NginxUdpBalancer;
import io.coapspring.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two LWM2M nodes share one real redis-server: a device registered through node A is seen by node B; node A
 * goes away, a new node takes over A's address and port (what a load balancer with source-address affinity, or a
 * restarted pod behind a stable address, gives), and the device's next update, a read, and the notifications of
 * the observation A started all reach the new node.
 */
class Lwm2mClusterFailoverTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final String prefix = "lwm2m-test-" + UUID.randomUUID() + ":";

	private final List<ConfigurableApplicationContext> nodes = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext node(String id, int port, List<Lwm2mEvent> events) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Node.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "coap.server.enabled=false",
					"coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=" + port,
					"coap.lwm2m.server.request-timeout=3s", "coap.cluster.enabled=true", "coap.cluster.node-id=" + id,
					"coap.cluster.key-prefix=" + this.prefix, "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.getPort())
			.listeners((ApplicationListener<ApplicationEvent>) (event) -> {
				if (event instanceof Lwm2mEvent lwm2m) {
					events.add(lwm2m);
				}
			})
			.run();
		this.nodes.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
	}

	@Test
	void aDeviceRegisteredThroughOneNodeSurvivesThatNode() {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsB = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", 0, eventsA);
		ConfigurableApplicationContext b = node("b", 0, eventsB);
		int portA = port(a);
		try (Lwm2mTestClient client = Lwm2mTestClient.builder("cluster-dev")
			.serverUri("coap://127.0.0.1:" + portA)
			.device("ACME", "M7", "SN-7")
			.build()) {
			client.start();
			client.awaitRegistered(WAIT);
			await().atMost(WAIT).until(() -> eventsA.stream().anyMatch(Lwm2mRegisteredEvent.class::isInstance));
			// B sees the registration from Redis; the registered event fired once, on the node that handled it
			Lwm2mRegistration seenByB = b.getBean(Lwm2mOperations.class).getRegistration("cluster-dev").orElseThrow();
			Lwm2mRegistration seenByA = a.getBean(Lwm2mOperations.class).getRegistration("cluster-dev").orElseThrow();
			assertThat(seenByB.registrationId()).isEqualTo(seenByA.registrationId());
			assertThat(eventsB).noneMatch(Lwm2mRegisteredEvent.class::isInstance);
			Set<String> keys = a.getBean(StringRedisTemplate.class).keys(this.prefix + "lwm2m:*");
			assertThat(keys).anyMatch((key) -> key.endsWith("cluster-dev"));
			// A observes a resource, then goes away
			a.getBean(Lwm2mOperations.class).observe("cluster-dev", "/3/0/15", (content) -> {
			});
			a.close();
			// a new node on A's address receives the device's next update: same registration
			List<Lwm2mEvent> eventsA2 = new CopyOnWriteArrayList<>();
			ConfigurableApplicationContext a2 = node("a2", portA, eventsA2);
			client.triggerUpdate();
			await().atMost(WAIT)
				.until(() -> eventsA2.stream().anyMatch(Lwm2mRegistrationUpdatedEvent.class::isInstance));
			Lwm2mOperations operations = a2.getBean(Lwm2mOperations.class);
			assertThat(operations.getRegistration("cluster-dev").orElseThrow().registrationId())
				.isEqualTo(seenByA.registrationId());
			assertThat(operations.read("cluster-dev", "/3/0/0").value()).isEqualTo("ACME");
			// the observation A started lives in Redis: its notifications reach the new node
			operations.write("cluster-dev", "/3/0/15", "Europe/Paris");
			await().atMost(WAIT)
				.until(() -> eventsA2.stream()
					.filter(Lwm2mNotificationEvent.class::isInstance)
					.map(Lwm2mNotificationEvent.class::cast)
					.anyMatch((event) -> "Europe/Paris".equals(event.getContent().value())));
		}
	}

	@Test
	void behindAUdpLoadBalancerTheNextUpdateReachesTheOtherNode() throws IOException {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsB = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", 0, eventsA);
		ConfigurableApplicationContext b = node("b", 0, eventsB);
		try (NginxUdpBalancer balancer = NginxUdpBalancer.start(List.of(port(a), port(b)));
				Lwm2mTestClient client = Lwm2mTestClient.builder("balanced-dev")
					.serverUri("coap://127.0.0.1:" + balancer.getPort())
					.device("ACME", "M7", "SN-7")
					.build()) {
			client.start();
			client.awaitRegistered(WAIT);
			// the balancer's affinity picked one node; it alone fired the registered event
			await().atMost(WAIT)
				.until(() -> eventsA.stream().anyMatch(Lwm2mRegisteredEvent.class::isInstance)
						|| eventsB.stream().anyMatch(Lwm2mRegisteredEvent.class::isInstance));
			boolean onA = eventsA.stream().anyMatch(Lwm2mRegisteredEvent.class::isInstance);
			ConfigurableApplicationContext holder = onA ? a : b;
			ConfigurableApplicationContext other = onA ? b : a;
			List<Lwm2mEvent> otherEvents = onA ? eventsB : eventsA;
			assertThat(otherEvents).noneMatch(Lwm2mRegisteredEvent.class::isInstance);
			String id = holder.getBean(Lwm2mOperations.class).getRegistration("balanced-dev").orElseThrow()
				.registrationId();
			assertThat(holder.getBean(Lwm2mOperations.class).read("balanced-dev", "/3/0/0").value()).isEqualTo("ACME");
			holder.getBean(Lwm2mOperations.class).observe("balanced-dev", "/3/0/15", (content) -> {
			});
			// the node holding the device's traffic goes away; its port answers with ICMP unreachable
			holder.close();
			long stopped = System.nanoTime();
			client.triggerUpdate();
			await().atMost(Duration.ofSeconds(40))
				.until(() -> otherEvents.stream().anyMatch(Lwm2mRegistrationUpdatedEvent.class::isInstance));
			System.out.printf("LWM2M failover through nginx: the update reached the other node %d ms after the stop%n",
					Duration.ofNanos(System.nanoTime() - stopped).toMillis());
			Lwm2mOperations operations = other.getBean(Lwm2mOperations.class);
			assertThat(operations.getRegistration("balanced-dev").orElseThrow().registrationId()).isEqualTo(id);
			assertThat(otherEvents).noneMatch(Lwm2mRegisteredEvent.class::isInstance);
			// the registration now holds the balancer's new session towards this node: requests reach the device
			assertThat(operations.read("balanced-dev", "/3/0/1").value()).isEqualTo("M7");
			// the observation the dead node started follows the device: this node observed it again from here
			operations.write("balanced-dev", "/3/0/15", "Europe/Rome");
			await().atMost(WAIT)
				.until(() -> otherEvents.stream()
					.filter(Lwm2mNotificationEvent.class::isInstance)
					.map(Lwm2mNotificationEvent.class::cast)
					.anyMatch((event) -> "Europe/Rome".equals(event.getContent().value())));
		}
	}

	@Test
	void afterRedisRestartsEmptyTheDeviceRegistersAgain() throws IOException {
		List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", 0, events);
		try (Lwm2mTestClient client = Lwm2mTestClient.builder("restart-dev")
			.serverUri("coap://127.0.0.1:" + port(a))
			.device("ACME", "M7", "SN-7")
			.build()) {
			client.start();
			client.awaitRegistered(WAIT);
			String before = a.getBean(Lwm2mOperations.class).getRegistration("restart-dev").orElseThrow()
				.registrationId();
			// Redis runs without persistence here: a restart loses every registration
			redis.restart();
			assertThat(a.getBean(Lwm2mOperations.class).getRegistration("restart-dev")).isEmpty();
			// the device's next update is answered 4.04, and the Leshan client registers again
			client.triggerUpdate();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> events.stream().filter(Lwm2mRegisteredEvent.class::isInstance).count() == 2);
			String after = a.getBean(Lwm2mOperations.class).getRegistration("restart-dev").orElseThrow()
				.registrationId();
			assertThat(after).isNotEqualTo(before);
			assertThat(a.getBean(Lwm2mOperations.class).read("restart-dev", "/3/0/0").value()).isEqualTo("ACME");
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Node {

	}

}
