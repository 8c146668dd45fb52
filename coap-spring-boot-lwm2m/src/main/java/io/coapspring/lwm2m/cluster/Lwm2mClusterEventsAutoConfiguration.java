package io.coapspring.lwm2m.cluster;

import java.time.Duration;

import io.coapspring.cluster.CoapClusterNode;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.cluster.autoconfigure.CoapClusterProperties;
import io.coapspring.cluster.autoconfigure.CoapClusterProperties.Lwm2m.Delivery;
import io.coapspring.cluster.autoconfigure.CoapClusterProperties.Lwm2m.Events;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventCodec;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventCounters;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventMetrics;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventStreamConsumer;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventStreamPublisher;
import io.coapspring.lwm2m.server.Lwm2mEventDelivery;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;

/**
 * LWM2M events once per cluster or on every node ({@code coap.cluster.lwm2m.events.delivery=once} or
 * {@code every-node}; the default {@code handling-node} leaves them on the node that handled the device's
 * message): the server's events go to a Redis Stream ({@link Lwm2mEventStreamPublisher}) under
 * {@code <coap.cluster.key-prefix>lwm2m-events}, and each node reads it back ({@link Lwm2mEventStreamConsumer}),
 * in a consumer group for {@code once}. The application's {@code @EventListener}s stay as they are: only where and
 * how often they fire changes.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapClusterAutoConfiguration.class, Lwm2mClusterAutoConfiguration.class },
		before = Lwm2mServerAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ LeshanServer.class, RedisRegistrationStore.class, StreamMessageListenerContainer.class })
@ConditionalOnBooleanProperty(name = "coap.cluster.enabled")
@ConditionalOnBooleanProperty(name = "coap.cluster.lwm2m.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "coap.lwm2m.server.enabled", matchIfMissing = true)
@Conditional(OnClusterEventDeliveryCondition.class)
public final class Lwm2mClusterEventsAutoConfiguration {

	private static final String GROUP = "lwm2m-events";

	@Bean
	Lwm2mEventCounters lwm2mClusterEventCounters() {
		return new Lwm2mEventCounters();
	}

	@Bean
	@ConditionalOnMissingBean(Lwm2mEventDelivery.class)
	Lwm2mEventStreamPublisher lwm2mClusterEventPublisher(ObjectProvider<StringRedisTemplate> redis,
			CoapClusterNode node, CoapClusterProperties properties, ApplicationEventPublisher publisher,
			Lwm2mEventCounters counters) {
		Events events = validated(properties);
		return new Lwm2mEventStreamPublisher(template(redis), stream(node), events.getMaxLength(),
				new Lwm2mEventCodec(), publisher, counters);
	}

	@Bean
	@ConditionalOnMissingBean
	Lwm2mEventStreamConsumer lwm2mClusterEventConsumer(RedisConnectionFactory connectionFactory,
			ObjectProvider<StringRedisTemplate> redis, CoapClusterNode node, CoapClusterProperties properties,
			ApplicationEventPublisher publisher, ObjectProvider<LeshanServer> server, Lwm2mEventCounters counters) {
		Events events = validated(properties);
		Consumer consumer = (events.getDelivery() == Delivery.ONCE) ? Consumer.from(GROUP, node.id()) : null;
		return new Lwm2mEventStreamConsumer(connectionFactory, template(redis), stream(node), consumer,
				new Lwm2mEventCodec(), publisher, () -> source(server, node), events.getClaimIdle(),
				events.getMaxDeliveries(), counters);
	}

	private static Object source(ObjectProvider<LeshanServer> server, CoapClusterNode node) {
		LeshanServer leshan = server.getIfAvailable();
		return (leshan != null) ? leshan : node;
	}

	private static String stream(CoapClusterNode node) {
		return node.key("lwm2m-events");
	}

	private static StringRedisTemplate template(ObjectProvider<StringRedisTemplate> redis) {
		StringRedisTemplate template = redis.getIfAvailable();
		if (template == null) {
			throw new InvalidConfigurationPropertyValueException(OnClusterEventDeliveryCondition.PROPERTY,
					"once/every-node", "there is no StringRedisTemplate bean: configure Redis with spring.data.redis.*");
		}
		return template;
	}

	private static Events validated(CoapClusterProperties properties) {
		Events events = properties.getLwm2m().getEvents();
		if (events.getMaxLength() < 1) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.events.max-length",
					events.getMaxLength(), "must be at least 1");
		}
		Duration claimIdle = events.getClaimIdle();
		if (claimIdle == null || claimIdle.toMillis() < 100) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.events.claim-idle", claimIdle,
					"must be at least 100ms");
		}
		if (events.getMaxDeliveries() < 1) {
			throw new InvalidConfigurationPropertyValueException("coap.cluster.lwm2m.events.max-deliveries",
					events.getMaxDeliveries(), "must be at least 1");
		}
		return events;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Lwm2mEventMetrics lwm2mClusterEventMetrics(Lwm2mEventCounters counters) {
			return new Lwm2mEventMetrics(counters);
		}

	}

}
