package io.coapspring.cluster;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.rd.InMemoryRdRegistrationStore;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationStore;
import io.coapspring.rd.autoconfigure.RdServerAutoConfiguration;
import io.coapspring.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisRdRegistrationStore} against a real redis-server: two stores, as two nodes, share registrations, the
 * endpoint index, the order and the totals; a registration removed by both is removed by one.
 */
class RedisRdRegistrationStoreTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private LettuceConnectionFactory connectionFactory;

	private RedisRdRegistrationStore nodeA;

	private RedisRdRegistrationStore nodeB;

	private void stores() {
		this.connectionFactory = new LettuceConnectionFactory("127.0.0.1", redis.getPort());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		StringRedisTemplate template = new StringRedisTemplate(this.connectionFactory);
		String prefix = "rd-test-" + UUID.randomUUID() + ":";
		this.nodeA = new RedisRdRegistrationStore(template, JsonMapper.builder().build(),
				new CoapClusterNode("a", prefix));
		this.nodeB = new RedisRdRegistrationStore(template, JsonMapper.builder().build(),
				new CoapClusterNode("b", prefix));
	}

	@AfterEach
	void close() {
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
	}

	private static RdRegistration registration(String location, String endpoint, String sector, int links) {
		List<RdLink> list = java.util.stream.IntStream.range(0, links)
			.mapToObj((i) -> new RdLink("/sensors/" + i, Map.of("rt", List.of("temperature"))))
			.toList();
		Instant now = Instant.parse("2026-12-07T05:00:00Z");
		return new RdRegistration(location, endpoint, sector, URI.create("coap://[2001:db8::7]:5683"),
				URI.create("coap://192.0.2.7:5683"), Duration.ofSeconds(90000),
				Map.of("ep", List.of(endpoint), "et", List.of("oic.d.sensor")), list, 40 * links, now, now,
				null, "192.0.2.7");
	}

	@Test
	void nodesShareRegistrationsIndexOrderAndTotals() {
		stores();
		RdRegistration first = registration("/rd/aaaa", "node-1", null, 2);
		RdRegistration second = registration("/rd/bbbb", "node-2", "factory", 3);
		this.nodeA.put(first);
		this.nodeB.put(second);
		assertThat(this.nodeB.get("/rd/aaaa")).isEqualTo(first);
		assertThat(this.nodeA.find("node-2", "factory")).isEqualTo(second);
		assertThat(this.nodeA.find("node-2", null)).isNull();
		assertThat(this.nodeB.getAll()).containsExactly(first, second);
		assertThat(this.nodeA.size()).isEqualTo(2);
		assertThat(this.nodeA.totalLinks()).isEqualTo(5);
		assertThat(this.nodeA.totalSize()).isEqualTo(200);
		// an update replaces in place: same order, totals adjusted
		RdRegistration updated = registration("/rd/aaaa", "node-1", null, 4);
		this.nodeB.put(updated);
		assertThat(this.nodeA.getAll()).containsExactly(updated, second);
		assertThat(this.nodeA.totalLinks()).isEqualTo(7);
		assertThat(this.nodeA.totalSize()).isEqualTo(280);
	}

	@Test
	void aRegistrationRemovedByTwoNodesIsRemovedByOne() {
		stores();
		RdRegistration registration = registration("/rd/cccc", "node-3", null, 1);
		this.nodeA.put(registration);
		assertThat(this.nodeA.remove("/rd/cccc")).isEqualTo(registration);
		assertThat(this.nodeB.remove("/rd/cccc")).isNull();
		assertThat(this.nodeB.find("node-3", null)).isNull();
		assertThat(this.nodeB.getAll()).isEmpty();
		assertThat(this.nodeB.size()).isZero();
		assertThat(this.nodeB.totalLinks()).isZero();
		assertThat(this.nodeB.totalSize()).isZero();
	}

	@Test
	void clusterModeKeepsTheDirectoryInRedisUnlessItsSharingIsOff() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
					CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
					CoapHandlerAutoConfiguration.class, CoapClientAutoConfiguration.class,
					JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
					CoapClusterAutoConfiguration.class, RdServerAutoConfiguration.class))
			.withPropertyValues("coap.server.port=0", "coap.rd.server.enabled=true", "coap.cluster.enabled=true",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort());
		runner.run((context) -> assertThat(context.getBean(RdRegistrationStore.class))
			.isInstanceOf(RedisRdRegistrationStore.class));
		runner.withPropertyValues("coap.cluster.rd.enabled=false")
			.run((context) -> assertThat(context.getBean(RdRegistrationStore.class))
				.isInstanceOf(InMemoryRdRegistrationStore.class));
	}

}
