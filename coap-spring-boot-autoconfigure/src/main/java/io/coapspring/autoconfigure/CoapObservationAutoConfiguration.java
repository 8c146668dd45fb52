package io.coapspring.autoconfigure;

import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;
import io.coapspring.client.observation.CoapClientObservationConvention;
import io.coapspring.server.observation.CoapServerObservationConvention;
import io.coapspring.server.observation.CoapServerObservationInstrumentation;
import io.coapspring.server.observation.DefaultCoapServerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of Micrometer
 * observations of CoAP requests, when the application has an {@link ObservationRegistry} (Spring Boot's
 * {@code spring-boot-micrometer-observation}, which the actuator brings): every request the server answers is
 * observed as {@code coap.server.requests}, every request a {@code CoapTemplate} sends as
 * {@code coap.client.requests}. With Micrometer's metrics these are timers, with a tracer also spans.
 * <p>
 * A {@link CoapServerObservationConvention} or {@link CoapClientObservationConvention} bean replaces the default
 * convention. {@code management.observations.enable.coap=false} switches both off.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ CoapServer.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class CoapObservationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(CoapServer.class)
	static class ServerObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapServerObservationInstrumentation coapServerObservationInstrumentation(
				ObservationRegistry observationRegistry,
				ObjectProvider<CoapServerObservationConvention> observationConvention) {
			return new CoapServerObservationInstrumentation(observationRegistry, observationConvention.getIfUnique(),
					new DefaultCoapServerObservationConvention());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CoapTemplateBuilder.class)
	static class ClientObservationConfiguration {

		@Bean
		CoapTemplateCustomizer observationCoapTemplateCustomizer(ObservationRegistry observationRegistry,
				ObjectProvider<CoapClientObservationConvention> observationConvention) {
			CoapClientObservationConvention convention = observationConvention.getIfUnique();
			return (builder) -> builder.observationRegistry(observationRegistry).observationConvention(convention);
		}

	}

}
