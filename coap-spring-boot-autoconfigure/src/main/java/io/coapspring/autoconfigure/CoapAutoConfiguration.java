package io.coapspring.autoconfigure;

import io.coapspring.config.CoapConfigurationCustomizer;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the parts
 * of CoAP that servers and clients share: the {@code coap.*} properties and the in-memory Californium
 * {@link Configuration} built from them.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(CoapServer.class)
@EnableConfigurationProperties(CoapProperties.class)
public final class CoapAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Configuration coapConfiguration(CoapProperties properties, ObjectProvider<CoapConfigurationCustomizer> customizers) {
		return new CaliforniumConfigurationFactory(properties, customizers.orderedStream().toList()).create();
	}

}
