package io.coapspring.cluster.autoconfigure;

import java.util.UUID;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.cluster.ClusterChangeListener;
import io.coapspring.cluster.ClusterChangePublisher;
import io.coapspring.cluster.ClusterCoapNotifier;
import io.coapspring.cluster.CoapClusterNode;
import io.coapspring.cluster.RedisRdRegistrationStore;
import io.coapspring.cluster.actuate.ClusterMetrics;
import io.coapspring.rd.RdRegistrationStore;
import io.coapspring.rd.autoconfigure.RdServerAutoConfiguration;
import io.coapspring.server.observe.CoapNotifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Cluster mode when {@code coap.cluster.enabled=true}: the {@link CoapClusterNode} (checked against Redis at
 * start-up, which fails when Redis does not answer) and, unless {@code coap.cluster.notifier.enabled=false}, the
 * fan-out of {@link CoapNotifier#changed(String)} to every node over Redis pub/sub. Redis is reached through the
 * {@link RedisConnectionFactory} of Spring Boot's Redis support; without it on the classpath, start-up fails
 * saying so. With the Resource Directory server on ({@code coap.rd.server.enabled}) and unless
 * {@code coap.cluster.rd.enabled=false}, its registrations are kept in Redis ({@link RedisRdRegistrationStore}).
 * With cluster mode off nothing of this exists.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapHandlerAutoConfiguration.class },
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		before = RdServerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "coap.cluster.enabled")
@EnableConfigurationProperties(CoapClusterProperties.class)
public final class CoapClusterAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	static class RedisClusterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapClusterNode coapClusterNode(CoapClusterProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			CoapClusterNode node = node(properties);
			RedisConnectionFactory factory = connectionFactory.getIfAvailable();
			if (factory == null) {
				throw new InvalidConfigurationPropertyValueException("coap.cluster.enabled", true,
						"there is no RedisConnectionFactory bean: configure Redis with spring.data.redis.*");
			}
			try (RedisConnection connection = factory.getConnection()) {
				connection.ping();
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("coap.cluster.enabled=true but Redis (spring.data.redis.*) does not "
						+ "answer at start-up: " + ex.getMessage(), ex);
			}
			return node;
		}

		private static CoapClusterNode node(CoapClusterProperties properties) {
			String prefix = properties.getKeyPrefix();
			if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
				throw new InvalidConfigurationPropertyValueException("coap.cluster.key-prefix", prefix,
						"must not be empty nor contain white space");
			}
			String id = properties.getNodeId();
			if (id == null) {
				id = UUID.randomUUID().toString();
			}
			else if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
				throw new InvalidConfigurationPropertyValueException("coap.cluster.node-id", id,
						"must not be empty nor contain white space");
			}
			return new CoapClusterNode(id, prefix);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBooleanProperty(name = "coap.cluster.notifier.enabled", matchIfMissing = true)
	@ConditionalOnBean(CoapNotifier.class)
	static class NotifierConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ClusterChangePublisher coapClusterChangePublisher(RedisConnectionFactory connectionFactory,
				CoapClusterNode node, CoapClusterProperties properties) {
			int capacity = properties.getNotifier().getQueueCapacity();
			if (capacity < 1) {
				throw new InvalidConfigurationPropertyValueException("coap.cluster.notifier.queue-capacity", capacity,
						"must be at least 1");
			}
			return new ClusterChangePublisher(connectionFactory, node, capacity);
		}

		@Bean
		static BeanPostProcessor coapClusterNotifierPostProcessor(ObjectProvider<ClusterChangePublisher> publisher) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof CoapNotifier notifier && !(bean instanceof ClusterCoapNotifier)) {
						return new ClusterCoapNotifier(notifier, publisher.getObject());
					}
					return bean;
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean
		ClusterChangeListener coapClusterChangeListener(CoapNotifier notifier, CoapClusterNode node) {
			if (!(notifier instanceof ClusterCoapNotifier clusterNotifier)) {
				throw new IllegalStateException("The CoapNotifier bean was created before cluster mode could wrap it; "
						+ "it must not be needed by a BeanPostProcessor");
			}
			return new ClusterChangeListener(clusterNotifier, node);
		}

		@Bean
		RedisMessageListenerContainer coapClusterListenerContainer(RedisConnectionFactory connectionFactory,
				ClusterChangeListener listener, CoapClusterNode node) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(connectionFactory);
			// in publishing order, on the subscription's thread: serving observers only hands work to their executor
			container.setTaskExecutor(new SyncTaskExecutor());
			container.addMessageListener(listener, new ChannelTopic(ClusterChangePublisher.channel(node)));
			return container;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
		static class MetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ClusterMetrics coapClusterMetrics(ClusterChangePublisher publisher, ClusterChangeListener listener,
					CoapClusterProperties properties) {
				return new ClusterMetrics(publisher, listener, properties.getNotifier().getQueueCapacity());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.redis.core.StringRedisTemplate",
			"tools.jackson.databind.json.JsonMapper" })
	@ConditionalOnBooleanProperty(name = "coap.rd.server.enabled")
	@ConditionalOnBooleanProperty(name = "coap.cluster.rd.enabled", matchIfMissing = true)
	static class RdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RdRegistrationStore rdRegistrationStore(ObjectProvider<StringRedisTemplate> redis, CoapClusterNode node) {
			StringRedisTemplate template = redis.getIfAvailable();
			if (template == null) {
				throw new InvalidConfigurationPropertyValueException("coap.cluster.rd.enabled", true,
						"there is no StringRedisTemplate bean: configure Redis with spring.data.redis.*");
			}
			return new RedisRdRegistrationStore(template, JsonMapper.builder().build(), node);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
	static class MissingRedisConfiguration {

		@Bean
		CoapClusterNode coapClusterNode() {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.enabled", true,
					"Spring Data Redis is not on the classpath: add spring-boot-starter-data-redis");
		}

	}

}
