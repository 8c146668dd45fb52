package io.coapspring.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.cluster.actuate.ClusterMetrics;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.testsupport.RedisServerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	private CoapEndpoint endpoint;

	private volatile boolean crashing;

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		if (this.endpoint != null) {
			this.endpoint.destroy();
		}
	}

	private ConfigurableApplicationContext node(String id) {
		return node(id, 0);
	}

	private ConfigurableApplicationContext node(String id, int port, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterTestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.properties("coap.server.port=" + port, "spring.main.banner-mode=off", "coap.cluster.enabled=true",
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
		return observe(node, "/level");
	}

	private Observer observe(ConfigurableApplicationContext node, String path) {
		CoapClient client = new CoapClient("coap://127.0.0.1:" + port(node) + path);
		client.setEndpoint(endpoint());
		Observer observer = new Observer();
		observer.relation = client.observe(observer);
		await().atMost(WAIT).until(() -> !observer.values.isEmpty());
		return observer;
	}

	private CoapEndpoint endpoint() {
		if (this.endpoint == null) {
			this.endpoint = new CoapEndpoint.Builder()
				.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS))
				.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
				.build();
			// while a node "crashes", the final 5.03 its graceful shutdown sends is lost, as after a real crash
			this.endpoint.addInterceptor(new MessageInterceptorAdapter() {

				@Override
				public void receiveResponse(Response response) {
					if (ClusterNotifierEndToEndTests.this.crashing && !response.getOptions().hasObserve()) {
						response.setCanceled(true);
					}
				}

			});
		}
		return this.endpoint;
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
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		a.getBean(ClusterMetrics.class).bindTo(registry);
		assertThat(registry.get("coap.cluster.changes.published").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get("coap.cluster.changes.received").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get("coap.cluster.changes.dropped").functionCounter().count()).isZero();
		assertThat(registry.get("coap.cluster.changes.queued.max").gauge().value()).isEqualTo(1000);
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

	@Test
	void anObserverOfANodeThatRestartedRegistersAgainAndIsServedFromTheOtherNode() {
		ConfigurableApplicationContext a = node("a");
		ConfigurableApplicationContext b = node("b");
		int portA = port(a);
		set(b, "before");
		Observer observer = observe(a, "/fresh-level");
		this.crashing = true;
		a.close();
		// the relation died with node A; a node on A's address takes over, and the client, hearing nothing for
		// Max-Age (1 s), registers again there (Californium's re-registration)
		ConfigurableApplicationContext a2 = node("a2", portA);
		this.crashing = false;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> a2.getBean(CoapNotifier.class).getObserverCount("/fresh-level") == 1);
		set(b, "after-restart");
		b.getBean(CoapNotifier.class).changed("/fresh-level");
		await().atMost(WAIT).until(() -> observer.values.contains("after-restart"));
		observer.relation.proactiveCancel();
	}

	@Test
	void aDeviceRegisteredWithOneDirectoryIsFoundThroughTheOther() throws Exception {
		ConfigurableApplicationContext a = node("a", 0, "coap.rd.server.enabled=true");
		ConfigurableApplicationContext b = node("b", 0, "coap.rd.server.enabled=true");
		CoapClient register = new CoapClient("coap://127.0.0.1:" + port(a) + "/rd?ep=shared-sensor&lt=600");
		register.setEndpoint(endpoint());
		CoapResponse created = register.post("</temp>;rt=\"temperature\"", MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		CoapClient lookup = new CoapClient("coap://127.0.0.1:" + port(b) + "/rd-lookup/res?rt=temperature");
		lookup.setEndpoint(endpoint());
		CoapResponse found = lookup.get();
		assertThat(found.getResponseText()).contains("/temp").contains("temperature");
		register.shutdown();
		lookup.shutdown();
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
