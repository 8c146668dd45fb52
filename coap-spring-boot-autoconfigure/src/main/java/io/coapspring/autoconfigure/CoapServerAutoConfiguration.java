package io.coapspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.coapspring.server.CoapObservationTerminator;
import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapRequestRouter;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.server.CoapServerFactory;
import io.coapspring.server.CoapServerFactoryCustomizer;
import io.coapspring.server.CoapUdpConnectorFactory;
import io.coapspring.server.ProtocolHandOff;
import io.coapspring.server.context.CoapServerLifecycle;
import io.coapspring.server.deduplication.CoapDeduplication;
import io.coapspring.server.context.CoapEndpointWatchdog;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * server: a {@link CoapServer} with a UDP endpoint configured from {@code coap.server.*} that parses options
 * with the {@code coapOptionRegistry}, plus the endpoints of the {@link CoapServerEndpointFactory} beans (the
 * DTLS endpoint of {@link CoapDtlsAutoConfiguration}); the plain endpoint's connector comes from the
 * {@link CoapUdpConnectorFactory} bean if there is one (the multicast receivers of
 * {@link CoapMulticastAutoConfiguration}); requests are delivered through the {@link CoapRequestRouter}s in
 * order (the forward proxy, the handler methods) before the resource tree; the
 * {@link CoapServerFactoryCustomizer} beans adjust the factory (the OSCORE stack of
 * {@code CoapOscoreAutoConfiguration}); the {@link CoapServerCustomizer}
 * beans are applied in order, every Californium {@link Resource} bean added, and a lifecycle starts it after
 * the context refresh and stops it on close.
 * <p>
 * {@code coap.server.enabled=false} leaves no server; the shared configuration and client beans stay.
 * {@code coap.server.secure-only=true} leaves out the plain UDP endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class)
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
public final class CoapServerAutoConfiguration {

	private static final String DTLS_CONNECTOR_CLASS = "org.eclipse.californium.scandium.DTLSConnector";

	@Bean
	@ConditionalOnMissingBean
	CoapRequestGate coapRequestGate() {
		return new CoapRequestGate();
	}

	@Bean
	@ConditionalOnMissingBean
	ProtocolHandOff coapProtocolHandOff() {
		return new ProtocolHandOff();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapDeduplication coapDeduplication(CoapProperties properties) {
		new CoapPropertiesValidator(properties).validate();
		return new CoapDeduplication(properties.getDeduplication().getMaxMessages());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapServerFactory coapServerFactory(Configuration coapConfiguration, CoapRequestGate coapRequestGate,
			ObjectProvider<CoapRequestRouter> requestRouters, ObjectProvider<OptionRegistry> optionRegistry,
			ObjectProvider<CoapUdpConnectorFactory> udpConnectorFactory, ProtocolHandOff coapProtocolHandOff,
			ObjectProvider<CoapDeduplication> coapDeduplication,
			ObjectProvider<CoapServerFactoryCustomizer> factoryCustomizers) {
		CoapServerFactory factory = new CoapServerFactory(coapConfiguration, coapRequestGate);
		factory.setRequestRouters(requestRouters.orderedStream().toList());
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		factory.setUdpConnectorFactory(udpConnectorFactory.getIfUnique());
		factory.setProtocolHandOff(coapProtocolHandOff);
		factory.setDeduplication(coapDeduplication.getIfUnique());
		factoryCustomizers.orderedStream().forEach((customizer) -> customizer.customize(factory));
		return factory;
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	CoapServer coapServer(CoapServerFactory coapServerFactory, CoapProperties properties,
			ObjectProvider<CoapServerEndpointFactory> endpointFactories, ObjectProvider<CoapServerCustomizer> customizers,
			ObjectProvider<Resource> resources, ResourceLoader resourceLoader) {
		// also when a user's Configuration bean means CaliforniumConfigurationFactory did not validate them
		new CoapPropertiesValidator(properties).validate();
		CoapProperties.Server server = properties.getServer();
		List<Endpoint> endpoints = new ArrayList<>();
		if (!server.isSecureOnly()) {
			endpoints.add(coapServerFactory.createEndpoint(server.getAddress(), server.getPort()));
		}
		endpointFactories.orderedStream().map(CoapServerEndpointFactory::createEndpoint).forEach(endpoints::add);
		checkSecureEndpoint(server, endpoints, resourceLoader.getClassLoader());
		CoapServer coapServer = coapServerFactory.createServer(endpoints);
		resources.orderedStream().forEach(coapServer::add);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(coapServer));
		return coapServer;
	}

	private static void checkSecureEndpoint(CoapProperties.Server server, List<Endpoint> endpoints,
			@Nullable ClassLoader classLoader) {
		boolean secure = endpoints.stream()
			.anyMatch((endpoint) -> CoAP.COAP_SECURE_URI_SCHEME.equals(endpoint.getUri().getScheme()));
		if (server.getDtls().isEnabled() && !secure) {
			throw new InvalidConfigurationPropertyValueException("coap.server.dtls.enabled", true,
					ClassUtils.isPresent(DTLS_CONNECTOR_CLASS, classLoader)
							? "no DTLS endpoint was created: CoapDtlsAutoConfiguration is excluded and no "
									+ "CoapServerEndpointFactory bean creates a 'coaps' endpoint"
							: "DTLS needs Eclipse Californium Scandium on the classpath: add the dependency "
									+ "'org.eclipse.californium:scandium' to the application");
		}
		if (server.isSecureOnly() && endpoints.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("coap.server.secure-only", true,
					"a secure-only server needs a DTLS endpoint: set 'coap.server.dtls.enabled=true'");
		}
	}

	@Bean
	@ConditionalOnMissingBean
	CoapEndpointWatchdog coapEndpointWatchdog(CoapServer coapServer, CoapProperties properties) {
		return new CoapEndpointWatchdog(coapServer, properties.getServer().getWatchdogInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapServerLifecycle coapServerLifecycle(CoapServer coapServer, CoapRequestGate coapRequestGate,
			ApplicationEventPublisher eventPublisher, CoapProperties properties,
			ObjectProvider<CoapObservationTerminator> terminators) {
		CoapProperties.Server server = properties.getServer();
		return new CoapServerLifecycle(coapServer, coapRequestGate, eventPublisher,
				server.getShutdown() == CoapProperties.Shutdown.GRACEFUL, server.getShutdownTimeout(),
				terminators.orderedStream().toList());
	}

}
