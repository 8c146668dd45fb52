package io.coapspring.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.server.observe.CoapHandlerNotifier;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.NoObserversCoapNotifier;
import io.coapspring.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapClusterAutoConfiguration}, against a real redis-server.
 */
class CoapClusterAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				CoapClusterAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	private ApplicationContextRunner cluster() {
		return this.contextRunner.withPropertyValues("coap.cluster.enabled=true",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort());
	}

	@Test
	void clusterModeIsOffByDefaultAndChangesNothing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CoapClusterNode.class)
				.doesNotHaveBean(ClusterChangePublisher.class)
				.doesNotHaveBean("coapClusterListenerContainer");
			assertThat(context.getBean(CoapNotifier.class)).isExactlyInstanceOf(CoapHandlerNotifier.class);
		});
	}

	@Test
	void withoutRedisOnTheClasspathNothingChanges() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CoapClusterNode.class);
			assertThat(context.getBean(CoapNotifier.class)).isExactlyInstanceOf(CoapHandlerNotifier.class);
		});
	}

	@Test
	void clusterModeWithoutRedisOnTheClasspathFailsSayingWhatToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("coap.cluster.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("coap.cluster.enabled")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void clusterModeWrapsTheNotifierAndSubscribes() {
		cluster().withPropertyValues("coap.cluster.node-id=node-a", "coap.cluster.key-prefix=app1:")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ClusterChangePublisher.class)
					.hasSingleBean(ClusterChangeListener.class)
					.hasBean("coapClusterListenerContainer");
				assertThat(context.getBean(CoapClusterNode.class)).isEqualTo(new CoapClusterNode("node-a", "app1:"));
				assertThat(context.getBean(CoapNotifier.class)).isInstanceOf(ClusterCoapNotifier.class);
				assertThat(context.getBean("coapClusterListenerContainer", RedisMessageListenerContainer.class).isRunning())
					.isTrue();
			});
	}

	@Test
	void aNodeIdIsGeneratedWhenNotSet() {
		cluster().run((context) -> assertThat(context.getBean(CoapClusterNode.class).id()).isNotBlank());
	}

	@Test
	void theNotifierStaysLocalWhenItsSharingIsOff() {
		cluster().withPropertyValues("coap.cluster.notifier.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CoapClusterNode.class)
				.doesNotHaveBean(ClusterChangePublisher.class)
				.doesNotHaveBean("coapClusterListenerContainer");
			assertThat(context.getBean(CoapNotifier.class)).isExactlyInstanceOf(CoapHandlerNotifier.class);
		});
	}

	@Test
	void theNotifierOfAnApplicationWithoutServerIsWrappedToo() {
		cluster().withPropertyValues("coap.server.enabled=false")
			.run((context) -> assertThat(context.getBean(CoapNotifier.class)).isInstanceOf(ClusterCoapNotifier.class)
				.extracting("local")
				.isInstanceOf(NoObserversCoapNotifier.class));
	}

	@Test
	void aUserNotifierIsWrapped() {
		cluster().withUserConfiguration(UserNotifierConfiguration.class)
			.run((context) -> assertThat(context.getBean(CoapNotifier.class)).isInstanceOf(ClusterCoapNotifier.class)
				.extracting("local")
				.isInstanceOf(NoObserversCoapNotifier.class));
	}

	@Test
	void aUserNodeWins() {
		cluster().withBean(CoapClusterNode.class, () -> new CoapClusterNode("mine", "mine:"))
			.run((context) -> assertThat(context.getBean(CoapClusterNode.class).id()).isEqualTo("mine"));
	}

	@Test
	void redisUnavailableAtStartUpFailsStartUp() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("coap.cluster.enabled=true", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + closed, "spring.data.redis.connect-timeout=1s")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("coap.cluster.enabled=true but Redis (spring.data.redis.*) does not answer"));
	}

	@Test
	void badPropertiesFailStartUpNamingThem() {
		cluster().withPropertyValues("coap.cluster.node-id=a b")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("coap.cluster.node-id"));
		cluster().withPropertyValues("coap.cluster.key-prefix= ")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("coap.cluster.key-prefix"));
		cluster().withPropertyValues("coap.cluster.notifier.queue-capacity=0")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("coap.cluster.notifier.queue-capacity"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserNotifierConfiguration {

		@Bean
		CoapNotifier userNotifier() {
			return new NoObserversCoapNotifier();
		}

	}

}
