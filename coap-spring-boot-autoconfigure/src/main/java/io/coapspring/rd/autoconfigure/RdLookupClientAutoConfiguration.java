package io.coapspring.rd.autoconfigure;

import java.util.Objects;

import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.client.CoapOperations;
import io.coapspring.rd.client.RdLookupClient;
import org.eclipse.californium.core.network.CoapEndpoint;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link RdLookupClient} bean for the directory of {@code coap.rd.client.uri}, when that property is set, so
 * that the application looks up endpoints and resources there; without it, create one with
 * {@link RdLookupClient#create(CoapOperations, String)}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapClientAutoConfiguration.class)
@ConditionalOnClass(CoapEndpoint.class)
@ConditionalOnProperty("coap.rd.client.uri")
@ConditionalOnBean(CoapOperations.class)
@EnableConfigurationProperties(RdProperties.class)
public final class RdLookupClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RdLookupClient rdLookupClient(CoapOperations coapOperations, RdProperties properties) {
		return RdLookupClient.create(coapOperations, Objects.requireNonNull(properties.getClient().getUri()));
	}

}
