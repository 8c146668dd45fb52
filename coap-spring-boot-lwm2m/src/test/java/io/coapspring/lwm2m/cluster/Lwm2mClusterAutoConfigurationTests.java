package io.coapspring.lwm2m.cluster;

import java.io.IOException;

import io.coapspring.cluster.CoapClusterNode;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.testsupport.RedisServer;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mClusterAutoConfiguration}, against a real redis-server.
 */
class Lwm2mClusterAutoConfigurationTests {

	private static RedisServer redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CoapClusterAutoConfiguration.class,
				Lwm2mClusterAutoConfiguration.class, Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

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

	private ApplicationContextRunner cluster() {
		return this.runner.withPropertyValues("coap.cluster.enabled=true", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.getPort());
	}

	@Test
	void registrationsStayInMemoryWithoutClusterMode() {
		this.runner.run((context) -> {
			assertThat(context.getBean(RegistrationStore.class)).isInstanceOf(InMemoryRegistrationStore.class);
			assertThat(context).doesNotHaveBean(JedisPool.class);
		});
	}

	@Test
	void clusterModeKeepsRegistrationsInRedis() {
		cluster().run((context) -> {
			assertThat(context.getBean(RegistrationStore.class)).isInstanceOf(Lwm2mNodeEndpointRegistrationStore.class)
				.extracting("delegate")
				.isInstanceOf(RedisRegistrationStore.class);
			assertThat(context).hasSingleBean(JedisPool.class);
		});
	}

	@Test
	void registrationsStayInMemoryWhenTheirSharingIsOff() {
		cluster().withPropertyValues("coap.cluster.lwm2m.enabled=false")
			.run((context) -> assertThat(context.getBean(RegistrationStore.class))
				.isInstanceOf(InMemoryRegistrationStore.class));
	}

	@Test
	void registrationsStayInMemoryWithoutLeshanRedis() {
		cluster().withClassLoader(new FilteredClassLoader(RedisRegistrationStore.class))
			.run((context) -> assertThat(context.getBean(RegistrationStore.class))
				.isInstanceOf(InMemoryRegistrationStore.class));
	}

	@Test
	void aUserRegistrationStoreWins() {
		InMemoryRegistrationStore mine = new InMemoryRegistrationStore();
		cluster().withBean(RegistrationStore.class, () -> mine)
			.run((context) -> assertThat(context.getBean(RegistrationStore.class)).isSameAs(mine));
	}

	@Test
	void redisClusterIsRefusedNamingTheProperty() {
		// a node of its own, since the start-up PING of a Redis Cluster connection fails on this standalone server
		cluster().withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:" + redis.getPort())
			.withBean(CoapClusterNode.class, () -> new CoapClusterNode("n", "p:"))
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("coap.cluster.lwm2m.enabled")
				.hasStackTraceContaining("Redis Cluster"));
	}

}
