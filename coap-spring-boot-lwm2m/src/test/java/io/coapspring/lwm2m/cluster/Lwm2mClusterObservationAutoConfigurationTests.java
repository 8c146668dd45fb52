package io.coapspring.lwm2m.cluster;

import java.time.Duration;

import io.coapspring.cluster.autoconfigure.CoapClusterAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.testsupport.RedisServerExtension;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mClusterObservationAutoConfiguration}, against a real redis-server; what the relocator does
 * is tested end to end by {@code Lwm2mClusterFailoverTests} (behind nginx) and the sample's
 * {@code SampleClusterFailoverTests}.
 */
class Lwm2mClusterObservationAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CoapClusterAutoConfiguration.class,
				Lwm2mClusterAutoConfiguration.class, Lwm2mServerAutoConfiguration.class,
				Lwm2mClusterObservationAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0");

	private ApplicationContextRunner cluster() {
		return this.runner.withPropertyValues("coap.cluster.enabled=true", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.getPort());
	}

	@Test
	void noRelocatorWithoutClusterMode() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(LeshanServer.class)
			.doesNotHaveBean(Lwm2mObservationRelocator.class));
	}

	@Test
	void clusterModeRelocatesObservations() {
		cluster().run((context) -> assertThat(context).hasSingleBean(Lwm2mObservationRelocator.class));
	}

	@Test
	void noRelocatorWhenRegistrationsAreNotShared() {
		cluster().withPropertyValues("coap.cluster.lwm2m.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mObservationRelocator.class));
	}

	@Test
	void noRelocatorWithoutLeshanRedis() {
		cluster().withClassLoader(new FilteredClassLoader(RedisRegistrationStore.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mObservationRelocator.class));
	}

	@Test
	void noRelocatorWithoutTheLwm2mServer() {
		cluster().withPropertyValues("coap.lwm2m.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Lwm2mObservationRelocator.class));
	}

	@Test
	void aUserRelocatorWins() {
		cluster().withUserConfiguration(UserRelocator.class)
			.run((context) -> assertThat(context).getBean(Lwm2mObservationRelocator.class)
				.isSameAs(context.getBean("mine")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRelocator {

		@Bean
		Lwm2mObservationRelocator mine(LeshanServer server) {
			return new Lwm2mObservationRelocator(server, Duration.ofSeconds(1));
		}

	}

}
