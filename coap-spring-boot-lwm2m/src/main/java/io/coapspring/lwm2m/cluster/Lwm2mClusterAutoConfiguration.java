package io.coapspring.lwm2m.cluster;

import java.time.Duration;

import io.coapspring.cluster.CoapClusterNode;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.cluster.autoconfigure.CoapClusterProperties;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.server.Lwm2mEndpointsConfigurationCustomizer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;

/**
 * LWM2M registrations and observations in Redis when cluster mode is on ({@code coap.cluster.enabled=true},
 * {@code coap.cluster.lwm2m.enabled} not false): the {@link RegistrationStore} is Eclipse Leshan's
 * {@link RedisRegistrationStore} under the key prefix {@code <coap.cluster.key-prefix>lwm2m:}, on a
 * {@link JedisPool} built from the same {@code spring.data.redis.*} connection details Spring Boot's Redis support
 * uses, seen through a {@link Lwm2mNodeEndpointRegistrationStore} so that this node sends to any device from its
 * own endpoint. Each registration is several Redis round trips on one of the server's request threads, so in cluster
 * mode the LWM2M server gets {@code coap.cluster.lwm2m.request-threads} of them (instead of
 * {@code coap.network.protocol-stage-threads}), the pool up to {@code coap.cluster.lwm2m.redis-connections}, and
 * Leshan's lock is released in one round trip ({@link Lwm2mRedisLock}). Every node runs Leshan's expiry sweep; a per-endpoint lock in Redis lets one node remove an expired
 * registration and fire its event. Only a single Redis (standalone) is supported: Leshan's lock and its
 * {@code Pool<Jedis>} do not work with Redis Cluster or Sentinel, and start-up fails saying so.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(before = Lwm2mServerAutoConfiguration.class, after = CoapClusterAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ LeshanServer.class, RedisRegistrationStore.class, JedisPool.class,
		DataRedisConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "coap.cluster.enabled")
@ConditionalOnBooleanProperty(name = "coap.cluster.lwm2m.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "coap.lwm2m.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CoapClusterProperties.class)
public final class Lwm2mClusterAutoConfiguration {

	private static final int MAX_REQUEST_THREADS = 256;

	private static final int MAX_REDIS_CONNECTIONS = 1024;

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	JedisPool lwm2mJedisPool(DataRedisConnectionDetails details, DataRedisProperties properties,
			CoapClusterProperties cluster) {
		CoapClusterProperties.Lwm2m lwm2m = cluster.getLwm2m();
		int connections = lwm2m.getRedisConnections();
		if (connections < requestThreads(lwm2m) || connections > MAX_REDIS_CONNECTIONS) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.redis-connections", connections,
					"must be between coap.cluster.lwm2m.request-threads (" + lwm2m.getRequestThreads() + ") and "
							+ MAX_REDIS_CONNECTIONS);
		}
		if (details.getCluster() != null || details.getSentinel() != null) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.enabled", true,
					"Leshan's Redis registration store needs a single Redis (spring.data.redis.host/port): its lock "
							+ "and connection pool do not support Redis Cluster or Sentinel");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
			.database(standalone.getDatabase())
			.connectionTimeoutMillis(millis(properties.getConnectTimeout(), 2000))
			.socketTimeoutMillis(millis(properties.getTimeout(), 2000));
		String user = details.getUsername();
		if (user != null) {
			client.user(user);
		}
		String password = details.getPassword();
		if (password != null) {
			client.password(password);
		}
		if (properties.getClientName() != null) {
			client.clientName(properties.getClientName());
		}
		JedisPoolConfig pool = new JedisPoolConfig();
		// commons-pool's defaults (8 connections, 8 idle) would make request threads wait or reconnect
		pool.setMaxTotal(connections);
		pool.setMaxIdle(connections);
		pool.setMaxWait(Duration.ofMillis(millis(properties.getTimeout(), 2000)));
		// a connection left over from before a Redis restart is found broken and replaced, not handed to Leshan
		pool.setTestOnBorrow(true);
		return new JedisPool(pool, new HostAndPort(standalone.getHost(), standalone.getPort()), client.build());
	}

	private static int millis(@Nullable Duration duration, int otherwise) {
		return (duration != null) ? (int) Math.min(Integer.MAX_VALUE, duration.toMillis()) : otherwise;
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	RegistrationStore lwm2mRegistrationStore(JedisPool lwm2mJedisPool, CoapClusterNode node) {
		redis.clients.jedis.util.Pool<Jedis> pool = lwm2mJedisPool;
		RedisRegistrationStore shared = new RedisRegistrationStore.Builder(pool).setPrefix(node.key("lwm2m:"))
			.setLock(new Lwm2mRedisLock())
			.build();
		return new Lwm2mNodeEndpointRegistrationStore(shared);
	}

	@Bean
	Lwm2mEndpointsConfigurationCustomizer lwm2mClusterRequestThreads(CoapClusterProperties cluster) {
		int threads = requestThreads(cluster.getLwm2m());
		return (configuration) -> configuration.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, threads);
	}

	private static int requestThreads(CoapClusterProperties.Lwm2m lwm2m) {
		int threads = lwm2m.getRequestThreads();
		if (threads < 1 || threads > MAX_REQUEST_THREADS) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.request-threads", threads,
					"must be between 1 and " + MAX_REQUEST_THREADS);
		}
		return threads;
	}

	@Bean
	SmartInitializingSingleton lwm2mNodeEndpoints(ObjectProvider<RegistrationStore> store,
			ObjectProvider<LeshanServer> server) {
		return () -> {
			if (store.getIfUnique() instanceof Lwm2mNodeEndpointRegistrationStore nodeStore) {
				LeshanServer leshan = server.getIfUnique();
				if (leshan != null) {
					nodeStore.setEndpoints(leshan::getEndpoints);
				}
			}
		};
	}

}
