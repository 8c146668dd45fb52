package io.coapspring.lwm2m.cluster;


import io.coapspring.cluster.CoapClusterNode;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.testsupport.RedisServerExtension;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpoint;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.JedisPool;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mClusterAutoConfiguration}, against a real redis-server.
 */
class Lwm2mClusterAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CoapClusterAutoConfiguration.class,
				Lwm2mClusterAutoConfiguration.class, Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

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
	void clusterModeSizesRequestThreadsAndRedisConnections() {
		cluster().withPropertyValues("coap.network.protocol-stage-threads=1").run((context) -> {
			assertThat(protocolStageThreads(context)).isEqualTo(16);
			JedisPool pool = context.getBean(JedisPool.class);
			assertThat(pool.getMaxTotal()).isEqualTo(24);
			assertThat(pool.getMaxIdle()).isEqualTo(24);
			assertThat(((Lwm2mNodeEndpointRegistrationStore) context.getBean(RegistrationStore.class)).getDelegate())
				.extracting("lock")
				.isInstanceOf(Lwm2mRedisLock.class);
		});
	}

	@Test
	void requestThreadsAndRedisConnectionsCanBeSet() {
		cluster().withPropertyValues("coap.cluster.lwm2m.request-threads=4", "coap.cluster.lwm2m.redis-connections=6")
			.run((context) -> {
				assertThat(protocolStageThreads(context)).isEqualTo(4);
				assertThat(context.getBean(JedisPool.class).getMaxTotal()).isEqualTo(6);
			});
	}

	@Test
	void requestThreadsAreLeftAloneWithoutClusterMode() {
		this.runner.withPropertyValues("coap.cluster.lwm2m.request-threads=7")
			.run((context) -> assertThat(protocolStageThreads(context))
				.isEqualTo(new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
					.createDefaultConfiguration()
					.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT)));
	}

	@Test
	void tooFewRequestThreadsFailNamingTheProperty() {
		cluster().withPropertyValues("coap.cluster.lwm2m.request-threads=0")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("coap.cluster.lwm2m.request-threads")
				.hasStackTraceContaining("must be between 1 and 256"));
	}

	@Test
	void fewerRedisConnectionsThanRequestThreadsFailNamingTheProperty() {
		cluster().withPropertyValues("coap.cluster.lwm2m.request-threads=8", "coap.cluster.lwm2m.redis-connections=7")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("coap.cluster.lwm2m.redis-connections")
				.hasStackTraceContaining("must be between coap.cluster.lwm2m.request-threads (8) and 1024"));
	}

	private static int protocolStageThreads(AssertableApplicationContext context) {
		CaliforniumServerEndpoint endpoint = (CaliforniumServerEndpoint) context.getBean(LeshanServer.class)
			.getEndpoint(Protocol.COAP);
		return endpoint.getCoapEndpoint().getConfig().get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT);
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
