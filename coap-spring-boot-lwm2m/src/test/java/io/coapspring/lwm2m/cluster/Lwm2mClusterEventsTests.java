package io.coapspring.lwm2m.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.coapspring.lwm2m.cluster.events.Lwm2mEventCounters;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.coapspring.testsupport.RedisServerExtension;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
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
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LWM2M events across two nodes (two Spring contexts) sharing one real redis-server, with real Leshan clients:
 * {@code coap.cluster.lwm2m.events.delivery=once} fires the application's listener once across the nodes,
 * {@code every-node} on each node, and an event a node read but did not acknowledge (its listener threw, then
 * the node went away) is claimed and delivered by the other node; an event whose listener always fails is given up
 * after {@code max-deliveries}; consumers of nodes that are gone leave the group; under {@code every-node} a node
 * that is down misses the events of that time and receives the later ones once it is back.
 */
class Lwm2mClusterEventsTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final String prefix = "lwm2m-events-test-" + UUID.randomUUID() + ":";

	private final List<ConfigurableApplicationContext> nodes = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext node(String id, String delivery, ApplicationListener<ApplicationEvent> listener,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "coap.server.enabled=false",
				"coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
				"coap.lwm2m.server.request-timeout=3s", "coap.cluster.enabled=true", "coap.cluster.node-id=" + id,
				"coap.cluster.key-prefix=" + this.prefix, "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.getPort(), "coap.cluster.lwm2m.events.delivery=" + delivery,
				"coap.cluster.lwm2m.events.claim-idle=1s"));
		all.addAll(Arrays.asList(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Node.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.listeners(listener)
			.run();
		this.nodes.add(context);
		return context;
	}

	private static ApplicationListener<ApplicationEvent> recordInto(List<Lwm2mEvent> events) {
		return (event) -> {
			if (event instanceof Lwm2mEvent lwm2m) {
				events.add(lwm2m);
			}
		};
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
	}

	private static Lwm2mTestClient client(String endpoint, ConfigurableApplicationContext node) {
		return Lwm2mTestClient.builder(endpoint)
			.serverUri("coap://127.0.0.1:" + port(node))
			.device("ACME", "M7", "SN-7")
			.build();
	}

	private static long count(List<Lwm2mEvent> events, Predicate<Lwm2mEvent> matching) {
		return events.stream().filter(matching).count();
	}

	private static Predicate<Lwm2mEvent> registered(String endpoint) {
		return (event) -> event instanceof Lwm2mRegisteredEvent && endpoint.equals(event.getEndpoint());
	}

	@Test
	void deliveryOnceFiresTheListenerOnceAcrossTheNodes() {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsB = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", "once", recordInto(eventsA));
		ConfigurableApplicationContext b = node("b", "once", recordInto(eventsB));
		try (Lwm2mTestClient client = client("once-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			Predicate<Lwm2mEvent> registered = registered("once-dev");
			await().atMost(WAIT).until(() -> count(eventsA, registered) + count(eventsB, registered) == 1);
			// no second delivery on either node
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(3))
				.until(() -> count(eventsA, registered) + count(eventsB, registered) == 1);
			Lwm2mEvent event = (count(eventsA, registered) == 1 ? eventsA : eventsB).stream()
				.filter(registered)
				.findFirst()
				.orElseThrow();
			Lwm2mRegistration stored = a.getBean(Lwm2mOperations.class).getRegistration("once-dev").orElseThrow();
			assertThat(event.getRegistration()).isEqualTo(stored);
			// a notification, with its content, also once
			Lwm2mOperations operations = a.getBean(Lwm2mOperations.class);
			operations.observe("once-dev", "/3/0/15", (content) -> {
			});
			operations.write("once-dev", "/3/0/15", "Europe/Paris");
			Predicate<Lwm2mEvent> notified = (notification) -> notification instanceof Lwm2mNotificationEvent n
					&& n.getContent().path().equals("/3/0/15") && "Europe/Paris".equals(n.getContent().value());
			await().atMost(WAIT).until(() -> count(eventsA, notified) + count(eventsB, notified) == 1);
			await().during(Duration.ofMillis(1000))
				.atMost(Duration.ofSeconds(3))
				.until(() -> count(eventsA, notified) + count(eventsB, notified) == 1);
			Lwm2mEventCounters countersA = a.getBean(Lwm2mEventCounters.class);
			Lwm2mEventCounters countersB = b.getBean(Lwm2mEventCounters.class);
			assertThat(countersA.getPublished()).isGreaterThanOrEqualTo(2);
			assertThat(countersB.getPublished()).isZero();
			assertThat(countersA.getFailed() + countersB.getFailed()).isZero();
		}
	}

	@Test
	void deliveryEveryNodeFiresTheListenerOnEachNode() {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsB = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", "every-node", recordInto(eventsA));
		node("b", "every-node", recordInto(eventsB));
		try (Lwm2mTestClient client = client("every-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			Predicate<Lwm2mEvent> registered = registered("every-dev");
			await().atMost(WAIT).until(() -> count(eventsA, registered) == 1 && count(eventsB, registered) == 1);
			await().during(Duration.ofMillis(1000))
				.atMost(Duration.ofSeconds(3))
				.until(() -> count(eventsA, registered) == 1 && count(eventsB, registered) == 1);
			assertThat(eventsB.stream().filter(registered).findFirst().orElseThrow().getRegistration())
				.isEqualTo(eventsA.stream().filter(registered).findFirst().orElseThrow().getRegistration());
		}
	}

	@Test
	void anEventLeftUnacknowledgedByANodeThatWentAwayIsClaimedByTheOther() {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		// B reads the event, its listener throws: no XACK, the entry stays pending on B
		ConfigurableApplicationContext b = node("b", "once", (event) -> {
			if (event instanceof Lwm2mRegisteredEvent) {
				throw new IllegalStateException("listener of node b fails");
			}
		}, "coap.cluster.lwm2m.events.max-deliveries=20");
		try (Lwm2mTestClient client = client("claimed-dev", b)) {
			client.start();
			client.awaitRegistered(WAIT);
			Lwm2mEventCounters countersB = b.getBean(Lwm2mEventCounters.class);
			await().atMost(WAIT).until(() -> countersB.getFailed() >= 1);
			StringRedisTemplate redis = b.getBean(StringRedisTemplate.class);
			String stream = this.prefix + "lwm2m-events";
			assertThat(redis.opsForStream().pending(stream, "lwm2m-events").getTotalPendingMessages()).isEqualTo(1);
			// B goes away before acknowledging; A, started afterwards, claims the entry once it is idle long enough
			b.close();
			ConfigurableApplicationContext a = node("a", "once", recordInto(eventsA));
			Predicate<Lwm2mEvent> registered = registered("claimed-dev");
			await().atMost(WAIT).until(() -> count(eventsA, registered) == 1);
			Lwm2mEventCounters countersA = a.getBean(Lwm2mEventCounters.class);
			assertThat(countersA.getClaimed()).isEqualTo(1);
			StringRedisTemplate redisA = a.getBean(StringRedisTemplate.class);
			await().atMost(WAIT)
				.until(() -> redisA.opsForStream().pending(stream, "lwm2m-events").getTotalPendingMessages() == 0);
			await().during(Duration.ofMillis(1000))
				.atMost(Duration.ofSeconds(3))
				.until(() -> count(eventsA, registered) == 1);
		}
	}

	@Test
	void afterRedisRestartsEmptyTheStreamAndItsGroupAreCreatedAgain() throws IOException {
		List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", "once", recordInto(events));
		// Redis runs without persistence here: the stream and its consumer group are gone
		redis.restart();
		Lwm2mEventCounters counters = a.getBean(Lwm2mEventCounters.class);
		await().atMost(WAIT).until(() -> counters.getErrors() >= 1);
		StringRedisTemplate template = a.getBean(StringRedisTemplate.class);
		await().atMost(WAIT).ignoreExceptions().until(() -> template.opsForStream()
			.groups(this.prefix + "lwm2m-events")
			.stream()
			.anyMatch((group) -> group.groupName().equals("lwm2m-events")));
		try (Lwm2mTestClient client = client("restart-events-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			Predicate<Lwm2mEvent> registered = registered("restart-events-dev");
			await().atMost(WAIT).until(() -> count(events, registered) == 1);
			assertThat(counters.getPublished()).isEqualTo(1);
			assertThat(counters.getDelivered()).isEqualTo(1);
		}
	}

	@Test
	void anEventWhoseListenerAlwaysFailsIsGivenUpAfterMaxDeliveriesAndLaterEventsStillFlow() {
		List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();
		Predicate<Lwm2mEvent> poison = registered("poison-dev");
		ConfigurableApplicationContext a = node("a", "once", (event) -> {
			if (event instanceof Lwm2mEvent lwm2m) {
				events.add(lwm2m);
				if (poison.test(lwm2m)) {
					throw new IllegalStateException("listener always fails on poison-dev");
				}
			}
		}, "coap.cluster.lwm2m.events.claim-idle=200ms", "coap.cluster.lwm2m.events.max-deliveries=2");
		Lwm2mEventCounters counters = a.getBean(Lwm2mEventCounters.class);
		StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
		String stream = this.prefix + "lwm2m-events";
		try (Lwm2mTestClient client = client("poison-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			// read once (XREADGROUP), claimed once (XCLAIM): 2 deliveries, 2 listener failures, then given up
			await().atMost(WAIT).until(() -> counters.getFailed() == 3);
			await().atMost(WAIT)
				.until(() -> redis.opsForStream().pending(stream, "lwm2m-events").getTotalPendingMessages() == 0);
			assertThat(counters.getClaimed()).isEqualTo(1);
			// acknowledged: never delivered a third time
			await().during(Duration.ofMillis(1000))
				.atMost(Duration.ofSeconds(3))
				.until(() -> count(events, poison) == 2 && counters.getFailed() == 3);
		}
		try (Lwm2mTestClient client = client("later-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			await().atMost(WAIT).until(() -> count(events, registered("later-dev")) == 1);
		}
		assertThat(count(events, poison)).isEqualTo(2);
	}

	@Test
	void consumersOfNodesThatAreGoneAreRemovedFromTheGroupAndThoseOfLiveNodesStay() {
		String idle = "coap.cluster.lwm2m.events.claim-idle=200ms";
		ConfigurableApplicationContext gone = node("gone", "once", (event) -> {
		}, idle);
		StringRedisTemplate goneRedis = gone.getBean(StringRedisTemplate.class);
		// before Redis 7.2 a consumer appears in XINFO CONSUMERS once it was handed an entry
		try (Lwm2mTestClient client = client("gone-dev", gone)) {
			client.start();
			client.awaitRegistered(WAIT);
			await().atMost(WAIT).until(() -> consumers(goneRedis).contains("gone"));
		}
		gone.close();
		ConfigurableApplicationContext a = node("a", "once", (event) -> {
		}, idle);
		node("b", "once", (event) -> {
		}, idle);
		StringRedisTemplate redis = a.getBean(StringRedisTemplate.class);
		String stream = this.prefix + "lwm2m-events";
		// live consumers that receive nothing: before Redis 7.2 their idle time grows although they poll
		for (String name : List.of("a", "b")) {
			// XGROUP CREATECONSUMER, through Lettuce (Spring Data Redis has no method for it)
			redis.execute((RedisCallback<Boolean>) (connection) -> createConsumer(connection, stream, name));
		}
		// XINFO CONSUMERS: "gone" is removed once its alive key expired and it was idle 10 x claim-idle (2 s)
		await().atMost(WAIT).until(() -> consumers(redis).equals(Set.of("a", "b")));
		// the live ones stay, idle beyond that time
		await().during(Duration.ofMillis(3000))
			.atMost(Duration.ofSeconds(5))
			.until(() -> consumers(redis).equals(Set.of("a", "b")));
	}

	private static Boolean createConsumer(RedisConnection connection, String stream, String name) {
		@SuppressWarnings("unchecked")
		RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection
			.getNativeConnection();
		try {
			return commands
				.xgroupCreateconsumer(stream.getBytes(StandardCharsets.UTF_8),
						io.lettuce.core.Consumer.from("lwm2m-events".getBytes(StandardCharsets.UTF_8),
								name.getBytes(StandardCharsets.UTF_8)))
				.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("XGROUP CREATECONSUMER " + name + " failed", ex);
		}
	}

	private Set<String> consumers(StringRedisTemplate redis) {
		return redis.opsForStream()
			.consumers(this.prefix + "lwm2m-events", "lwm2m-events")
			.stream()
			.map((consumer) -> consumer.consumerName())
			.collect(Collectors.toSet());
	}

	@Test
	void deliveryEveryNodeMissesTheEventsOfANodeThatIsDownAndDeliversLaterOnesOnceItIsBack() {
		List<Lwm2mEvent> eventsA = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsB = new CopyOnWriteArrayList<>();
		List<Lwm2mEvent> eventsBackB = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext a = node("a", "every-node", recordInto(eventsA));
		node("b", "every-node", recordInto(eventsB)).close();
		Predicate<Lwm2mEvent> whileDown = registered("while-down-dev");
		try (Lwm2mTestClient client = client("while-down-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			await().atMost(WAIT).until(() -> count(eventsA, whileDown) == 1);
			// B comes back (same node id) and reads from the entry that is last when it starts
			node("b", "every-node", recordInto(eventsBackB));
		}
		try (Lwm2mTestClient client = client("after-back-dev", a)) {
			client.start();
			client.awaitRegistered(WAIT);
			Predicate<Lwm2mEvent> afterBack = registered("after-back-dev");
			await().atMost(WAIT).until(() -> count(eventsA, afterBack) == 1 && count(eventsBackB, afterBack) == 1);
		}
		// stream order: had B read the earlier entry, it would have come before the later one
		assertThat(count(eventsBackB, whileDown)).isZero();
		assertThat(count(eventsB, whileDown)).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Node {

	}

}
