package io.coapspring.autoconfigure;

import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.client.CoapClientEndpointsCustomizer;
import io.coapspring.oscore.OscoreCounters;
import io.coapspring.oscore.OscoreFailureLimiter;
import io.coapspring.oscore.OscoreMetrics;
import io.coapspring.oscore.OscoreNotificationOrder;
import io.coapspring.oscore.OscoreRequestInitializer;
import io.coapspring.oscore.OscoreRequiredInterceptor;
import io.coapspring.oscore.OscoreServerStackFactory;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.CoapServerFactoryCustomizer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.oscore.OSCoreCoapStackFactory;
import org.eclipse.californium.oscore.OSCoreCtxDB;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of OSCORE (RFC
 * 8613) on Californium's {@code cf-oscore}, enabled by {@code coap.oscore.enabled=true}: the security contexts
 * of {@code coap.oscore.contexts.*} in an {@link OSCoreCtxDB} (a user's bean of that type wins), the OSCORE
 * stack on the server's UDP endpoint and on the client's UDP and DTLS endpoints, the marking of template
 * requests to peers that have a context, the {@link OscoreCounters} with their metrics, and the
 * {@link OscoreFailureLimiter} that drops the OSCORE requests of sources that sent too many bad ones.
 * <p>
 * The {@link OscoreRequiredInterceptor}, which answers unprotected requests to handler methods annotated with
 * {@link CoapOscoreRequired} (or matching {@code coap.oscore.required-paths}) with 4.01, is defined even without
 * {@code cf-oscore} or with OSCORE disabled: such methods then refuse every request rather than answer it
 * unprotected.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class,
		before = { CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class })
@ConditionalOnClass(CoapServer.class)
@EnableConfigurationProperties(CoapOscoreProperties.class)
public final class CoapOscoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OscoreRequiredInterceptor coapOscoreRequiredInterceptor(CoapOscoreProperties properties,
			ObjectProvider<OscoreCounters> counters) {
		return new OscoreRequiredInterceptor(properties.getRequiredPaths(), counters.getIfUnique());
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OSCoreCtxDB.class)
	@ConditionalOnBooleanProperty("coap.oscore.enabled")
	static class OscoreStackConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OSCoreCtxDB coapOscoreContexts(CoapOscoreProperties properties, Configuration coapConfiguration) {
			return new OscoreContextsLoader(properties, coapConfiguration).load();
		}

		@Bean
		@ConditionalOnMissingBean
		OscoreCounters coapOscoreCounters() {
			return new OscoreCounters();
		}

		@Bean
		CoapServerFactoryCustomizer coapOscoreServerFactoryCustomizer(OSCoreCtxDB coapOscoreContexts,
				ObjectProvider<OscoreFailureLimiter> failureLimiter) {
			OscoreFailureLimiter limiter = failureLimiter.getIfUnique();
			return (factory) -> factory.setCoapStackFactory(
					(limiter != null) ? new OscoreServerStackFactory(limiter) : new OSCoreCoapStackFactory(),
					coapOscoreContexts);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "coap.oscore.failure-limit.enabled", matchIfMissing = true)
		OscoreFailureLimiter coapOscoreFailureLimiter(CoapOscoreProperties properties,
				OscoreCounters coapOscoreCounters) {
			return OscoreFailureLimits.create(properties.getFailureLimit(), coapOscoreCounters);
		}

		@Bean
		CoapServerCustomizer coapOscoreCountersCustomizer(OscoreCounters coapOscoreCounters) {
			return (server) -> server.getEndpoints().forEach((endpoint) -> endpoint.addInterceptor(coapOscoreCounters));
		}

		@Bean
		CoapClientEndpointsCustomizer coapOscoreClientEndpointsCustomizer(OSCoreCtxDB coapOscoreContexts) {
			return (endpoints) -> {
				endpoints.setCoapStackFactory(new OSCoreCoapStackFactory(), coapOscoreContexts);
				endpoints.setRequestInitializer(new OscoreRequestInitializer(coapOscoreContexts));
				endpoints.addInterceptor(new OscoreNotificationOrder());
			};
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OSCoreCtxDB.class, MeterBinder.class })
	@ConditionalOnBooleanProperty("coap.oscore.enabled")
	static class OscoreMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OscoreMetrics coapOscoreMetrics(OscoreCounters coapOscoreCounters) {
			return new OscoreMetrics(coapOscoreCounters);
		}

	}

}
