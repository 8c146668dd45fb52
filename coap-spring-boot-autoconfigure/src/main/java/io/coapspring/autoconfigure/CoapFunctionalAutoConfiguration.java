package io.coapspring.autoconfigure;

import io.coapspring.server.function.CoapRouteRegistry;
import io.coapspring.server.function.CoapRouterFunction;
import io.coapspring.server.function.CoapRouterFunctionDetector;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.CoapObservations;
import io.coapspring.server.value.CoapResources;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of functional
 * endpoints and run-time resources: the routes of {@link CoapRouterFunction} beans are registered before the
 * server starts, alongside annotated handler methods; the {@link CoapRouteRegistry} adds and removes routes while
 * it runs (at most {@code coap.server.routes.max-runtime-routes}), and {@link CoapResources} adds and removes value
 * resources. With Micrometer, the gauge {@code coap.server.routes.runtime} counts the routes registered at run
 * time.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapHandlerAutoConfiguration.class)
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@ConditionalOnBean({ CoapHandlerMappingRegistry.class, CoapHandlerAdapter.class, CoapObservations.class,
		CoapNotifier.class })
@EnableConfigurationProperties(CoapRoutesProperties.class)
public final class CoapFunctionalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoapRouteRegistry coapRouteRegistry(CoapHandlerMappingRegistry coapHandlerMappingRegistry,
			CoapHandlerAdapter coapHandlerAdapter, CoapObservations coapObservations,
			ApplicationEventPublisher eventPublisher, CoapRoutesProperties properties) {
		int max = properties.getMaxRuntimeRoutes();
		if (max < 0) {
			throw new InvalidConfigurationPropertyValueException(
					"coap.server.routes.max-runtime-routes", max, "must not be negative");
		}
		return new CoapRouteRegistry(coapHandlerMappingRegistry, coapHandlerAdapter, coapObservations, eventPublisher,
				max);
	}

	@Bean
	@ConditionalOnMissingBean
	CoapRouterFunctionDetector coapRouterFunctionDetector(ListableBeanFactory beanFactory,
			CoapRouteRegistry coapRouteRegistry) {
		return new CoapRouterFunctionDetector(beanFactory, coapRouteRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	CoapResources coapResources(CoapRouteRegistry coapRouteRegistry, CoapNotifier coapNotifier) {
		return new CoapResources(coapRouteRegistry, coapNotifier);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class RouteMetricsConfiguration {

		@Bean
		MeterBinder coapRouteMetrics(CoapRouteRegistry coapRouteRegistry) {
			return (registry) -> Gauge
				.builder("coap.server.routes.runtime", coapRouteRegistry, CoapRouteRegistry::getRuntimeRouteCount)
				.description("Routes registered while the application runs, value resources included")
				.register(registry);
		}

	}

}
