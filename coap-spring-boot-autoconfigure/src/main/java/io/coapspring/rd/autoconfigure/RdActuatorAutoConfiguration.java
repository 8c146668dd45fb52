package io.coapspring.rd.autoconfigure;

import io.coapspring.rd.actuate.RdEndpoint;
import io.coapspring.rd.actuate.RdMetrics;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code rd} actuator endpoint and the Resource Directory's metrics, when the directory runs and Actuator or
 * Micrometer are on the classpath.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = RdServerAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBean(DefaultResourceDirectory.class)
public final class RdActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(RdEndpoint.class)
		RdEndpoint rdEndpoint(DefaultResourceDirectory resourceDirectory, RdProperties properties) {
			return new RdEndpoint(resourceDirectory, properties.getServer().getRegistrationPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RdMetrics rdMetrics(DefaultResourceDirectory resourceDirectory) {
			return new RdMetrics(resourceDirectory);
		}

	}

}
