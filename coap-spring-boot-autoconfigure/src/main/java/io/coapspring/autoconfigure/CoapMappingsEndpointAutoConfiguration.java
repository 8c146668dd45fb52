package io.coapspring.autoconfigure;

import io.coapspring.actuate.endpoint.CoapMappingsEndpoint;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.observe.CoapObserveRelations;
import io.coapspring.server.observe.CoapObservedResources;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the {@code coap}
 * actuator endpoint ({@link CoapMappingsEndpoint}) when Spring Boot's actuator is on the classpath, the
 * application runs a CoAP server and the endpoint is available (exposed with
 * {@code management.endpoints.web.exposure.include=coap}, for instance).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapServerAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
		CoapMessageConvertersAutoConfiguration.class })
@ConditionalOnClass({ CoapServer.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(CoapServer.class)
public final class CoapMappingsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(CoapMappingsEndpoint.class)
	CoapMappingsEndpoint coapMappingsEndpoint(CoapServer coapServer,
			ObjectProvider<CoapHandlerMappingRegistry> coapHandlerMappingRegistry,
			ObjectProvider<CoapMessageConverters> coapMessageConverters,
			ObjectProvider<CoapObservedResources> coapObservedResources) {
		CoapMessageConverters converters = coapMessageConverters.getIfUnique();
		return new CoapMappingsEndpoint(coapServer, coapHandlerMappingRegistry.getIfUnique(),
				(converters != null) ? converters.getContentFormats() : null,
				new CoapObserveRelations(coapServer, coapObservedResources.getIfUnique()));
	}

}
