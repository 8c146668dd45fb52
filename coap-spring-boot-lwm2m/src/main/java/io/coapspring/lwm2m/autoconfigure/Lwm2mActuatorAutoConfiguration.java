package io.coapspring.lwm2m.autoconfigure;

import io.coapspring.lwm2m.actuate.Lwm2mEndpoint;
import io.coapspring.lwm2m.actuate.Lwm2mHealthIndicator;
import io.coapspring.lwm2m.actuate.Lwm2mMetrics;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.server.Lwm2mRegistrationLimits;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations support for the LWM2M server, each part only when its library is present: the {@code lwm2m} health
 * indicator, the {@code lwm2m} actuator endpoint, and Micrometer metrics.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = Lwm2mServerAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnBean(Lwm2mServerLifecycle.class)
public final class Lwm2mActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Health.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("lwm2m")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "lwm2mHealthIndicator")
		Lwm2mHealthIndicator lwm2mHealthIndicator(Lwm2mServerLifecycle lifecycle, Lwm2mRegistrationLimits limits) {
			return new Lwm2mHealthIndicator(lifecycle, limits);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(Lwm2mEndpoint.class)
		@ConditionalOnBean(Lwm2mOperations.class)
		Lwm2mEndpoint lwm2mEndpoint(Lwm2mOperations operations) {
			return new Lwm2mEndpoint(operations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Lwm2mMetrics lwm2mMetrics(Lwm2mRegistrationLimits limits) {
			return new Lwm2mMetrics(limits);
		}

	}

}
