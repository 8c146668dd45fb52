package io.coapspring.autoconfigure;

import java.time.Duration;
import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapClientEndpointsCustomizer;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;
import io.coapspring.client.ReactiveCoapObservations;
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
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * client: the shared {@link CoapClientEndpoints} (closed with the context), a prototype
 * {@link CoapTemplateBuilder} configured from {@code coap.client.*} and the {@link CoapTemplateCustomizer}
 * beans, a {@link CoapTemplate} that backs off when the application defines its own {@link CoapOperations},
 * the {@link CoapServiceProxyFactory} of declarative clients, and, when Reactor is present,
 * {@link ReactiveCoapObservations}. {@code coap.client.dtls.*} give the auto-configured builder DTLS
 * credentials for {@code coaps://} requests, which need Eclipse Californium Scandium on the classpath.
 * <p>
 * Independent of {@code coap.server.enabled}: a client-only application gets all of it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class,
		SslAutoConfiguration.class })
@ConditionalOnClass(CoapEndpoint.class)
public final class CoapClientAutoConfiguration {

	private static final String SCANDIUM_CONNECTOR = "org.eclipse.californium.scandium.DTLSConnector";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CoapClientEndpoints coapClientEndpoints(Configuration coapConfiguration,
			ObjectProvider<OptionRegistry> optionRegistry, ObjectProvider<CoapClientEndpointsCustomizer> customizers,
			CoapProperties properties) {
		CoapClientEndpoints endpoints = new CoapClientEndpoints(coapConfiguration,
				optionRegistry.getIfAvailable(StandardOptionRegistry::getDefaultOptionRegistry));
		Duration pingInterval = properties.getClient().getTcp().getPingInterval();
		if (pingInterval.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("coap.client.tcp.ping-interval", pingInterval,
					"must not be negative");
		}
		endpoints.setTcpPingInterval(pingInterval);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(endpoints));
		return endpoints;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapTemplateBuilderConfigurer coapTemplateBuilderConfigurer(CoapProperties properties,
			ObjectProvider<CoapTemplateCustomizer> customizers, ObjectProvider<SslBundles> sslBundles,
			ConfigurableListableBeanFactory beanFactory) {
		checkDtlsAvailable(properties.getClient().getDtls(), beanFactory.getBeanClassLoader());
		return new CoapTemplateBuilderConfigurer(properties.getClient(), customizers.orderedStream().toList(),
				sslBundles.getIfAvailable());
	}

	private static void checkDtlsAvailable(CoapProperties.ClientDtls dtls, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(SCANDIUM_CONNECTOR, classLoader)) {
			return;
		}
		CoapProperties.ClientPsk psk = dtls.getPsk();
		if (psk.getIdentity() != null) {
			throw scandiumMissing(CoapTemplateBuilderConfigurer.PSK_IDENTITY, psk.getIdentity());
		}
		if (psk.getSecret() != null) {
			throw scandiumMissing(CoapTemplateBuilderConfigurer.PSK_SECRET, "<secret>");
		}
		if (dtls.getSslBundle() != null) {
			throw scandiumMissing(CoapTemplateBuilderConfigurer.SSL_BUNDLE, dtls.getSslBundle());
		}
	}

	private static InvalidConfigurationPropertyValueException scandiumMissing(String property, Object value) {
		return new InvalidConfigurationPropertyValueException(property, value,
				"coaps:// requests need Eclipse Californium Scandium on the classpath: add the dependency"
						+ " 'org.eclipse.californium:scandium' to the application");
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
