package io.coapspring.lwm2m.cluster;

import java.util.UUID;

import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventMetrics;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventStreamConsumer;
import io.coapspring.lwm2m.cluster.events.Lwm2mEventStreamPublisher;
import io.coapspring.lwm2m.server.Lwm2mEventDelivery;
import io.coapspring.testsupport.RedisServerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mClusterEventsAutoConfiguration}, against a real redis-server.
 */
class Lwm2mClusterEventsAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final String prefix = "events-config-" + UUID.randomUUID() + ":";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CoapClusterAutoConfiguration.class,
				Lwm2mClusterAutoConfiguration.class, Lwm2mClusterEventsAutoConfiguration.class,
				Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

	private ApplicationContextRunner cluster() {
		return this.runner.withPropertyValues("coap.cluster.enabled=true", "coap.cluster.key-prefix=" + this.prefix,
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort());
	}

	@Test
	void eventsStayOnTheHandlingNodeByDefault() {
		cluster().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Lwm2mEventDelivery.class);
			assertThat(context).doesNotHaveBean(Lwm2mEventStreamConsumer.class);
		});
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=handling-node")
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mEventDelivery.class));
	}

	@Test
	void deliveryOnceGoesThroughAStreamAndAConsumerGroup() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once").run((context) -> {
			assertThat(context).hasSingleBean(Lwm2mEventStreamPublisher.class);
			assertThat(context).hasSingleBean(Lwm2mEventStreamConsumer.class);
			assertThat(context.getBean(StringRedisTemplate.class)
				.opsForStream()
				.groups(this.prefix + "lwm2m-events")
				.stream()
				.map((group) -> group.groupName())).containsExactly("lwm2m-events");
		});
	}

	@Test
	void deliveryEveryNodeReadsTheStreamWithoutAGroup() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=every-node").run((context) -> {
			assertThat(context).hasSingleBean(Lwm2mEventStreamPublisher.class);
			assertThat(context).hasSingleBean(Lwm2mEventStreamConsumer.class);
			assertThat(context.getBean(StringRedisTemplate.class).hasKey(this.prefix + "lwm2m-events")).isFalse();
		});
	}

	@Test
	void aBadDeliveryFailsStartUpNamingTheProperty() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sometimes"));
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=sometimes")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("coap.cluster.lwm2m.events.delivery"));
	}

	@Test
	void boundsBelowTheirMinimumFailStartUpNamingTheProperty() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once", "coap.cluster.lwm2m.events.max-length=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("coap.cluster.lwm2m.events.max-length"));
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once", "coap.cluster.lwm2m.events.claim-idle=0s")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("coap.cluster.lwm2m.events.claim-idle"));
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once",
				"coap.cluster.lwm2m.events.max-deliveries=0")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("coap.cluster.lwm2m.events.max-deliveries"));
	}

	@Test
	void nothingWithoutClusterMode() {
		this.runner.withPropertyValues("coap.cluster.lwm2m.events.delivery=once")
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mEventStreamConsumer.class));
	}

	@Test
	void nothingWithoutSpringDataRedisStreams() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once")
			.withClassLoader(new FilteredClassLoader(StreamMessageListenerContainer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mEventStreamConsumer.class));
	}

	@Test
	void anApplicationDeliveryWins() {
		Lwm2mEventDelivery own = (event) -> {
		};
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once")
			.withBean(Lwm2mEventDelivery.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Lwm2mEventStreamPublisher.class);
				assertThat(context.getBean(Lwm2mEventDelivery.class)).isSameAs(own);
			});
	}

	@Test
	void metricsCountTheStream() {
		cluster().withPropertyValues("coap.cluster.lwm2m.events.delivery=once").run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(Lwm2mEventMetrics.class).bindTo(registry);
			assertThat(registry.getMeters().stream().map((meter) -> meter.getId().getName())).containsExactlyInAnyOrder(
					"coap.cluster.lwm2m.events.published", "coap.cluster.lwm2m.events.delivered",
					"coap.cluster.lwm2m.events.claimed", "coap.cluster.lwm2m.events.failed",
					"coap.cluster.lwm2m.events.errors");
		});
	}

}
