package io.coapspring.autoconfigure;

import io.coapspring.server.invocation.support.CoapOptionRegistries;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.NoObserversCoapNotifier;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.Configuration.ModuleDefinitionsProvider;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the parts
 * of CoAP that servers and clients share: the {@code coap.*} properties, the in-memory Californium
 * {@link Configuration} built from them, and the {@link OptionRegistry} named {@code coapOptionRegistry}: the
 * standard options plus the application's custom {@link OptionDefinition} beans, which endpoints parse with.
 * <p>
 * {@link ModuleDefinitionsProvider} beans add Californium modules to that configuration; when Eclipse
 * Californium Scandium is on the classpath, its DTLS module is added this way.
 * <p>
 * With {@code coap.server.enabled=false} there is no server and nothing to observe: the {@link CoapNotifier} is
 * then a {@link NoObserversCoapNotifier}, so that services that notify still start.
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
	Configuration coapConfiguration(CoapProperties properties, ObjectProvider<ModuleDefinitionsProvider> modules,
			ObjectProvider<CoapConfigurationCustomizer> customizers) {
		return new CaliforniumConfigurationFactory(properties, modules.orderedStream().toList(),
				customizers.orderedStream().toList())
			.create();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DtlsConfig.class)
	static class DtlsModuleConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coapDtlsConfigDefinitions")
		ModuleDefinitionsProvider coapDtlsConfigDefinitions() {
			return DtlsConfig.DEFINITIONS;
		}

	}

	@Bean
	@ConditionalOnMissingBean
	OptionRegistry coapOptionRegistry(ObjectProvider<OptionDefinition> optionDefinitions) {
		return CoapOptionRegistries.withCustomOptions(optionDefinitions.orderedStream().toList());
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "coap.server.enabled", havingValue = false)
	static class DisabledServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapNotifier coapNotifier() {
			return new NoObserversCoapNotifier();
		}

	}

}
