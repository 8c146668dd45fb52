package io.coapspring.autoconfigure;

import io.coapspring.security.CoapPskStore;
import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.server.deduplication.CoapDeduplication;
import io.coapspring.server.dtls.CoapDtlsConnectorConfigCustomizer;
import io.coapspring.server.dtls.DtlsServerEndpointFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * server's DTLS ({@code coaps}) endpoint on Eclipse Californium Scandium, enabled by
 * {@code coap.server.dtls.enabled=true}.
 * <p>
 * Credentials come from {@code coap.server.dtls.psk.identities} or a {@link CoapPskStore} bean (pre-shared
 * keys), from the Spring Boot SSL bundle named by {@code coap.server.dtls.ssl-bundle} (X.509 certificates,
 * or the bundle's key pair as a raw public key) and from {@code coap.server.dtls.rpk.trusted-keys}.
 * {@link CoapDtlsConnectorConfigCustomizer} beans reach every other Scandium setting. The endpoint is added
 * to the server by the {@link CoapServerEndpointFactory} bean this configuration defines.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, SslAutoConfiguration.class },
		before = CoapServerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, DTLSConnector.class })
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("coap.server.dtls.enabled")
public final class CoapDtlsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DtlsConnectorConfig coapDtlsConnectorConfig(Configuration coapConfiguration, CoapProperties properties,
			ObjectProvider<CoapPskStore> pskStore, ObjectProvider<SslBundles> sslBundles, ResourceLoader resourceLoader,
			ObjectProvider<CoapDtlsConnectorConfigCustomizer> customizers) {
		return new DtlsConnectorConfigFactory(coapConfiguration, properties, pskStore.getIfAvailable(),
				sslBundles.getIfAvailable(), resourceLoader, customizers.orderedStream().toList())
			.create();
	}

	@Bean
	@ConditionalOnMissingBean
	DtlsServerEndpointFactory coapDtlsServerEndpointFactory(Configuration coapConfiguration,
			DtlsConnectorConfig coapDtlsConnectorConfig, ObjectProvider<OptionRegistry> optionRegistry,
			ObjectProvider<CoapDeduplication> coapDeduplication) {
		DtlsServerEndpointFactory factory = new DtlsServerEndpointFactory(coapConfiguration, coapDtlsConnectorConfig);
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		factory.setDeduplication(coapDeduplication.getIfUnique());
		return factory;
	}

}
