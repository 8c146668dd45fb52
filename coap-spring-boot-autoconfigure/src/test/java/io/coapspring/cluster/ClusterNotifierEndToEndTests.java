package io.coapspring.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.testsupport.RedisServer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts, two nodes, share one real redis-server: a CoAP client observes {@code /level} on node
 * A, and {@code changed("/level")} signalled on node B reaches it; Redis restarted mid-run loses nothing the
 * fan-out needs, since pub/sub keeps no state and the nodes resubscribe.
 */
class ClusterNotifierEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static RedisServer redis;

	private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	private CoapEndpoint endpoint;

	@BeforeAll
	static void startRedis() throws IOException {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		if (this.endpoint != null) {
			this.endpoint.destroy();
		}
	}

	private ConfigurableApplicationContext node(String id) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off", "coap.cluster.enabled=true",
					"coap.cluster.node-id=" + id, "coap.cluster.key-prefix=" + this.prefix,
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort())
			.run();
		this.contexts.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
	}

	private Observer observe(ConfigurableApplicationContext node) {
		if (this.endpoint == null) {
			this.endpoint = new CoapEndpoint.Builder()
				.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS))
				.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
				.build();
		}
		CoapClient client = new CoapClient("coap://127.0.0.1:" + port(node) + "/level");
		client.setEndpoint(this.endpoint);
		Observer observer = new Observer();
		observer.relation = client.observe(observer);
		await().atMost(WAIT).until(() -> !observer.values.isEmpty());
		return observer;
	}

	private static void set(ConfigurableApplicationContext node, String value) {
		node.getBean(StringRedisTemplate.class).opsForValue().set("test:level", value);
	}

	@Test
	void aChangeOnOneNodeReachesTheObserversOfTheOther() {
		ConfigurableApplicationContext a = node("a");
		ConfigurableApplicationContext b = node("b");
		set(a, "1");
		Observer observer = observe(a);
		assertThat(observer.values).containsExactly("1");
		set(b, "2");
		assertThat(b.getBean(CoapNotifier.class).changed("/level")).isZero();
		await().atMost(WAIT).until(() -> observer.values.contains("2"));
		assertThat(a.getBean(ClusterChangeListener.class).getReceived()).isEqualTo(1);
		// a change on A serves A's observer once: its echo from Redis is ignored
		set(a, "3");
		assertThat(a.getBean(CoapNotifier.class).changed("/level")).isOne();
		await().atMost(WAIT).until(() -> b.getBean(ClusterChangeListener.class).getReceived() == 1
				&& a.getBean(ClusterChangePublisher.class).getPublished() == 1);
		await().atMost(WAIT).until(() -> observer.values.contains("3"));
		assertThat(a.getBean(ClusterChangeListener.class).getReceived()).isEqualTo(1);
		assertThat(observer.values).containsExactly("1", "2", "3");
		observer.relation.proactiveCancel();
	}

	@Test
	void theFanOutResumesAfterRedisRestarts() throws IOException {
		ConfigurableApplicationContext a = node("a");
		ConfigurableApplicationContext b = node("b");
		Observer observer = observe(a);
		redis.restart();
		// Lettuce reconnects and the listener container resubscribes by themselves; changes published while
		// Redis was away are lost (pub/sub is at most once), later ones arrive
		int[] attempt = { 0 };
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			String value = "after-restart-" + (++attempt[0]);
			try {
				set(b, value);
			}
			catch (RuntimeException ex) {
				return false;
			}
			b.getBean(CoapNotifier.class).changed("/level");
			return observer.values.stream().anyMatch((seen) -> seen.startsWith("after-restart-"));
		});
		observer.relation.proactiveCancel();
	}

	static final class Observer implements CoapHandler {

		final List<String> values = new CopyOnWriteArrayList<>();

		CoapObserveRelation relation;

		@Override
		public void onLoad(CoapResponse response) {
			this.values.add(response.getResponseText());
		}

		@Override
		public void onError() {
		}

	}

}
