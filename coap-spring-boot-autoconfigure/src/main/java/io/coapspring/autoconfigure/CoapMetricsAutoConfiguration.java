package io.coapspring.autoconfigure;

import java.util.Set;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.deduplication.CoapDeduplication;
import io.coapspring.server.handler.CoapHandlerExecutor;
import io.coapspring.server.metrics.CoapDeduplicationMetrics;
import io.coapspring.server.metrics.CoapServerMetrics;
import io.coapspring.server.observation.CoapServerMeterObservationHandler;
import io.coapspring.server.observe.CoapObserveRelations;
import io.coapspring.server.observe.CoapObservedResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the meters of the
 * CoAP server ({@link CoapServerMetrics}: active exchanges, observe relations, retransmissions, duplicates,
 * malformed datagrams, resets and rejected requests) and of its deduplication ({@link CoapDeduplicationMetrics}) when the application has a Micrometer
 * {@link MeterRegistry}. The request timers come from the observations of
 * {@link CoapObservationAutoConfiguration}, recorded by a {@link CoapServerMeterObservationHandler} that keeps
 * them per set of key values (it honours {@code management.metrics.observations.ignored-meters}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapServerAutoConfiguration.class, CoapHandlerAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ CoapServer.class, MeterRegistry.class })
@ConditionalOnBean({ MeterRegistry.class, CoapServer.class, CoapRequestGate.class })
public final class CoapMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoapServerMetrics coapServerMetrics(CoapServer coapServer, CoapRequestGate coapRequestGate,
			ObjectProvider<CoapHandlerExecutor> coapHandlerExecutor,
			ObjectProvider<CoapObservedResources> coapObservedResources) {
		return new CoapServerMetrics(coapServer, coapRequestGate, coapHandlerExecutor.getIfUnique(),
				new CoapObserveRelations(coapServer, coapObservedResources.getIfUnique()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(CoapDeduplication.class)
	CoapDeduplicationMetrics coapDeduplicationMetrics(CoapDeduplication coapDeduplication) {
		return new CoapDeduplicationMetrics(coapDeduplication.getStatistics());
	}

	/**
	 * The meter handler of the CoAP server's observations, ahead of Spring Boot's default one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	static class ObservationMetersConfiguration {

		private static final String IGNORED_METERS = "management.metrics.observations.ignored-meters";

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(MeterRegistry.class)
		CoapServerMeterObservationHandler coapServerMeterObservationHandler(MeterRegistry meterRegistry,
				Environment environment) {
			Set<IgnoredMeters> ignored = Binder.get(environment)
				.bind(IGNORED_METERS, Bindable.setOf(IgnoredMeters.class))
				.orElse(Set.of());
			return new CoapServerMeterObservationHandler(meterRegistry, ignored.toArray(IgnoredMeters[]::new));
		}

	}

}
