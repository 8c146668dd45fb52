package io.coapspring.autoconfigure;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapRequestRouter;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.CoapServerFactory;
import io.coapspring.server.CoapServerLifecycle;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * server: a {@link CoapServer} with a UDP endpoint configured from {@code coap.server.*} that parses options
 * with the {@code coapOptionRegistry} and delivers requests through the {@link CoapRequestRouter} (the handler
 * methods) before its resource tree, the {@link CoapServerCustomizer} beans applied in order, every Californium
 * {@link Resource} bean added, and a lifecycle that starts it after the context refresh and stops it on close.
 * <p>
 * {@code coap.server.enabled=false} leaves no server; the shared configuration and client beans stay.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class)
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
public final class CoapServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoapRequestGate coapRequestGate() {
		return new CoapRequestGate();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapServerFactory coapServerFactory(Configuration coapConfiguration, CoapRequestGate coapRequestGate,
			ObjectProvider<CoapRequestRouter> requestRouter, ObjectProvider<OptionRegistry> optionRegistry) {
		CoapServerFactory factory = new CoapServerFactory(coapConfiguration, coapRequestGate);
		factory.setRequestRouter(requestRouter.getIfUnique());
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		return factory;
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	CoapServer coapServer(CoapServerFactory coapServerFactory, CoapProperties properties,
			ObjectProvider<CoapServerCustomizer> customizers, ObjectProvider<Resource> resources) {
		CoapProperties.Server server = properties.getServer();
		CoapServer coapServer = coapServerFactory.createServer(server.getAddress(), server.getPort());
		resources.orderedStream().forEach(coapServer::add);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(coapServer));
		return coapServer;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapServerLifecycle coapServerLifecycle(CoapServer coapServer, CoapRequestGate coapRequestGate,
			ApplicationEventPublisher eventPublisher, CoapProperties properties) {
		CoapProperties.Server server = properties.getServer();
		return new CoapServerLifecycle(coapServer, coapRequestGate, eventPublisher,
				server.getShutdown() == CoapProperties.Shutdown.GRACEFUL, server.getShutdownTimeout());
	}

}
