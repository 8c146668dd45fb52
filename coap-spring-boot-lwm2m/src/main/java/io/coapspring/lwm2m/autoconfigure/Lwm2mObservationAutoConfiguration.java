package io.coapspring.lwm2m.autoconfigure;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.observation.Lwm2mRequestObservationConvention;
import io.coapspring.lwm2m.observation.ObservationLwm2mOperationObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of Micrometer
 * observations of LWM2M operations, when the application has an {@link ObservationRegistry} (Spring Boot's
 * {@code spring-boot-micrometer-observation}, which the actuator brings): every operation the
 * {@code Lwm2mTemplate} sends is observed as {@code lwm2m.requests}, a timer with Micrometer's metrics and a span
 * with a tracer. A {@link Lwm2mRequestObservationConvention} bean replaces the default convention;
 * {@code management.observations.enable.lwm2m=false} switches them off.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = Lwm2mServerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ ObservationRegistry.class, Lwm2mOperations.class })
public final class Lwm2mObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationLwm2mOperationObserver lwm2mObservationOperationObserver(ObservationRegistry observationRegistry,
			ObjectProvider<Lwm2mRequestObservationConvention> observationConvention) {
		return new ObservationLwm2mOperationObserver(observationRegistry, observationConvention.getIfUnique());
	}

}
