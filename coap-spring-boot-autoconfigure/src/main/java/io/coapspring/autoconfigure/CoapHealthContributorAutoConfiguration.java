package io.coapspring.autoconfigure;

import io.coapspring.actuate.health.CoapHealthIndicator;
import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.context.CoapServerLifecycle;
import io.coapspring.server.context.CoapEndpointWatchdog;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the {@code coap}
 * health contributor ({@link CoapHealthIndicator}) when Spring Boot's health support is on the classpath and
 * the application runs a CoAP server. {@code management.health.coap.enabled=false} switches it off.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapServerAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ CoapServer.class, Health.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ CoapServer.class, CoapServerLifecycle.class, CoapRequestGate.class })
@ConditionalOnEnabledHealthIndicator("coap")
public final class CoapHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "coapHealthIndicator")
	CoapHealthIndicator coapHealthIndicator(CoapServer coapServer, CoapServerLifecycle coapServerLifecycle,
			CoapRequestGate coapRequestGate, ObjectProvider<CoapEndpointWatchdog> coapEndpointWatchdog) {
		return new CoapHealthIndicator(coapServer, coapServerLifecycle, coapRequestGate,
				coapEndpointWatchdog.getIfUnique());
	}

}
