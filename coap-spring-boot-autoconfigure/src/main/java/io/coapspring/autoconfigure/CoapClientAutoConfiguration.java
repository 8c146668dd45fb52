package io.coapspring.autoconfigure;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;
import io.coapspring.client.observe.ReactiveCoapObservations;
import io.coapspring.client.service.CoapServiceProxyFactory;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * client: the shared {@link CoapClientEndpoints} (closed with the context), a prototype
 * {@link CoapTemplateBuilder} configured from {@code coap.client.*} and the {@link CoapTemplateCustomizer}
 * beans, a {@link CoapTemplate} that backs off when the application defines its own {@link CoapOperations},
 * the {@link CoapServiceProxyFactory} of declarative clients, and, when Reactor is present,
 * {@link ReactiveCoapObservations}.
 * <p>
 * Independent of {@code coap.server.enabled}: a client-only application gets all of it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class })
@ConditionalOnClass(CoapEndpoint.class)
public final class CoapClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CoapClientEndpoints coapClientEndpoints(Configuration coapConfiguration,
			ObjectProvider<OptionRegistry> optionRegistry) {
		return new CoapClientEndpoints(coapConfiguration,
				optionRegistry.getIfAvailable(StandardOptionRegistry::getDefaultOptionRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	CoapTemplateBuilderConfigurer coapTemplateBuilderConfigurer(CoapProperties properties,
			ObjectProvider<CoapTemplateCustomizer> customizers) {
		return new CoapTemplateBuilderConfigurer(properties.getClient(), customizers.orderedStream().toList());
	}

	@Bean
	@Scope("prototype")
	@ConditionalOnMissingBean
	CoapTemplateBuilder coapTemplateBuilder(CoapClientEndpoints coapClientEndpoints,
			CoapMessageConverters coapMessageConverters, CoapTemplateBuilderConfigurer configurer,
			CoapProperties properties) {
		CoapContentFormats formats = coapMessageConverters.getContentFormats();
		checkFormat("coap.client.accept", properties.getClient().getAccept(), formats);
		checkFormat("coap.client.content-format", properties.getClient().getContentFormat(), formats);
		return configurer.configure(new CoapTemplateBuilder(coapClientEndpoints, coapMessageConverters));
	}

	private static void checkFormat(String property, @Nullable String value, CoapContentFormats formats) {
		if (value != null) {
			try {
				formats.resolve(value);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
			}
		}
	}

	@Bean
	@ConditionalOnMissingBean(CoapOperations.class)
	CoapTemplate coapTemplate(CoapTemplateBuilder coapTemplateBuilder) {
		return coapTemplateBuilder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapServiceProxyFactory coapServiceProxyFactory(CoapOperations coapOperations, Environment environment) {
		return CoapServiceProxyFactory.builder(coapOperations).embeddedValueResolver(environment::resolvePlaceholders)
			.build();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flux.class)
	static class ReactiveObservationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoapObservations reactiveCoapObservations(CoapOperations coapOperations) {
			return new ReactiveCoapObservations(coapOperations);
		}

	}

}
