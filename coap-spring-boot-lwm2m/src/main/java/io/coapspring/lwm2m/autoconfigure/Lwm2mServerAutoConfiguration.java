package io.coapspring.lwm2m.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.coapspring.lwm2m.core.Lwm2mOperationListener;
import io.coapspring.lwm2m.core.Lwm2mOperationObserver;
import io.coapspring.security.SslBundleKeyMaterial;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.core.Lwm2mTemplate;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.object.Lwm2mObjectTemplate;
import io.coapspring.lwm2m.server.LenientLwm2mDecoder;
import io.coapspring.lwm2m.server.Lwm2mEndpointsConfigurationCustomizer;
import io.coapspring.lwm2m.server.Lwm2mEventDelivery;
import io.coapspring.lwm2m.server.Lwm2mEventPublisher;
import io.coapspring.lwm2m.server.Lwm2mNotificationPublisher;
import io.coapspring.lwm2m.server.Lwm2mRegistrationGuard;
import io.coapspring.lwm2m.server.Lwm2mRegistrationLimits;
import io.coapspring.lwm2m.server.Lwm2mServerCustomizer;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.model.InvalidDDFFileException;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.ServerProtocolProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.californium.endpoint.coaps.CoapsServerProtocolProvider;
import org.eclipse.leshan.server.model.LwM2mModelProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.queue.StaticClientAwakeTimeProvider;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.security.Authorizer;
import org.eclipse.leshan.server.security.DefaultAuthorizer;
import org.eclipse.leshan.server.security.InMemorySecurityStore;
import org.eclipse.leshan.server.security.SecurityStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.boot.ssl.SslBundles;

/**
 * Auto-configuration of an LWM2M server (Eclipse Leshan) from {@code coap.lwm2m.server.*}: the server on its own
 * ports, its registration store, security store and object models as replaceable beans, Spring events for
 * registrations, and the {@link Lwm2mTemplate}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.coapspring.autoconfigure.CoapAutoConfiguration")
@ConditionalOnClass({ LeshanServer.class, CaliforniumServerEndpointsProvider.class })
@ConditionalOnBooleanProperty(name = "coap.lwm2m.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(Lwm2mServerProperties.class)
public final class Lwm2mServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LwM2mModelProvider lwm2mModelProvider(Lwm2mServerProperties properties, ResourceLoader resourceLoader) {
		List<ObjectModel> models = new ArrayList<>();
		if (properties.getModels().isLoadDefaults()) {
			models.addAll(ObjectLoader.loadAllDefault());
		}
		ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		for (String location : properties.getModels().getLocations()) {
			try {
				for (Resource resource : resolver.getResources(location)) {
					try (InputStream input = resource.getInputStream()) {
						models.addAll(ObjectLoader.loadDdfFile(input, resource.getDescription()));
					}
				}
			}
			catch (IOException | RuntimeException | InvalidDDFFileException ex) {
				throw new InvalidConfigurationPropertyValueException("coap.lwm2m.server.models.locations", location,
						"cannot be loaded as OMA DDF object models: " + ex.getMessage());
			}
		}
		return new VersionedModelProvider(models);
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	RegistrationStore lwm2mRegistrationStore() {
		return new InMemoryRegistrationStore();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityStore lwm2mSecurityStore(Lwm2mServerProperties properties, Environment environment) {
		new Lwm2mServerPropertiesValidator(properties, environment).validate();
		InMemorySecurityStore store = new InMemorySecurityStore();
		Lwm2mDtlsIdentities.addTo(store, "coap.lwm2m.server.dtls", properties.getDtls());
		return store;
	}

	@Bean
	Lwm2mRegistrationLimits lwm2mRegistrationLimits(Lwm2mServerProperties properties, Environment environment) {
		new Lwm2mServerPropertiesValidator(properties, environment).validate();
		Lwm2mServerProperties.Registration registration = properties.getRegistration();
		return new Lwm2mRegistrationLimits(registration.getMaxRegistrations(), registration.getMinLifetime(),
				registration.getMaxLifetime());
	}

	@Bean
	Lwm2mServerEndpoints lwm2mServerEndpoints(Lwm2mServerProperties properties,
			ObjectProvider<Configuration> coapConfiguration,
			ObjectProvider<Lwm2mEndpointsConfigurationCustomizer> configurationCustomizers, Environment environment) {
		new Lwm2mServerPropertiesValidator(properties, environment).validate();
		List<ServerProtocolProvider> protocols = new ArrayList<>();
		protocols.add(new CoapServerProtocolProvider());
		if (properties.getDtls().isEnabled()) {
			protocols.add(new CoapsServerProtocolProvider());
		}
		CaliforniumServerEndpointsProvider.Builder builder = new CaliforniumServerEndpointsProvider.Builder(
				protocols.toArray(ServerProtocolProvider[]::new));
		Configuration shared = coapConfiguration.getIfAvailable();
		Configuration configuration = (shared != null) ? new Configuration(shared)
				: builder.createDefaultConfiguration();
		protocols.forEach((protocol) -> protocol.applyDefaultValue(configuration));
		if (properties.getDtls().isEnabled()) {
			// the server never initiates handshakes (Leshan's default handshake mode is none): a server-only role
			// lets a certificate without the client-authentication key usage serve as the server's
			configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
		}
		configurationCustomizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		builder.setConfiguration(configuration);
		InetAddress address = properties.getAddress();
		builder.addEndpoint(socketAddress(address, properties.getPort()), Protocol.COAP);
		if (properties.getDtls().isEnabled()) {
			builder.addEndpoint(socketAddress(address, properties.getDtls().getPort()), Protocol.COAPS);
		}
		return new Lwm2mServerEndpoints(builder.build());
	}

	private static void applyCredentials(LeshanServerBuilder builder, @Nullable SslBundles sslBundles,
			String bundleName) {
		SslBundleKeyMaterial material = Lwm2mDtlsIdentities.serverCredentials(sslBundles,
				"coap.lwm2m.server.dtls.ssl-bundle", bundleName);
		builder.setPrivateKey(material.getPrivateKey());
		builder.setCertificateChain(material.getCertificateChain().toArray(X509Certificate[]::new));
		if (!material.getTrustedCertificates().isEmpty()) {
			builder.setTrustedCertificates(material.getTrustedCertificates().toArray(X509Certificate[]::new));
		}
	}

	private static ApplicationEventPublisher routed(ApplicationEventPublisher publisher,
			@Nullable Lwm2mEventDelivery delivery) {
		if (delivery == null) {
			return publisher;
		}
		return (event) -> {
			if (event instanceof Lwm2mEvent lwm2m) {
				delivery.deliver(lwm2m);
			}
			else {
				publisher.publishEvent(event);
			}
		};
	}

	private static InetSocketAddress socketAddress(InetAddress address, int port) {
		return (address != null) ? new InetSocketAddress(address, port) : new InetSocketAddress(port);
	}

	@Bean(destroyMethod = "shutdown")
	Lwm2mEventExecutor lwm2mEventExecutor() {
		return new Lwm2mEventExecutor(Lwm2mEventPublisher.createExecutor(10_000));
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	LeshanServer lwm2mLeshanServer(Lwm2mServerProperties properties, Lwm2mServerEndpoints endpoints,
			LwM2mModelProvider modelProvider, RegistrationStore registrationStore, SecurityStore securityStore,
			Lwm2mRegistrationLimits limits, ObjectProvider<Authorizer> authorizer,
			ObjectProvider<Lwm2mServerCustomizer> customizers, ObjectProvider<SslBundles> sslBundles,
			Lwm2mEventExecutor eventExecutor, ApplicationEventPublisher publisher,
			ObjectProvider<Lwm2mEventDelivery> delivery) {
		LeshanServerBuilder builder = new LeshanServerBuilder();
		String bundleName = properties.getDtls().getSslBundle();
		if (properties.getDtls().isEnabled() && bundleName != null) {
			applyCredentials(builder, sslBundles.getIfAvailable(), bundleName);
		}
		builder.setEndpointsProviders(endpoints.provider());
		builder.setObjectModelProvider(modelProvider);
		builder.setRegistrationStore(registrationStore);
		builder.setSecurityStore(securityStore);
		builder.setAuthorizer(limits.wrap(authorizer.getIfAvailable(() -> new DefaultAuthorizer(securityStore))));
		builder.setDecoder(properties.isLenientContentFormat() ? new LenientLwm2mDecoder() : new DefaultLwM2mDecoder());
		if (properties.getQueueMode().isEnabled()) {
			builder.setClientAwakeTimeProvider(
					new StaticClientAwakeTimeProvider((int) properties.getQueueMode().getAwakeTime().toMillis()));
		}
		else {
			builder.disableQueueModeSupport();
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		LeshanServer server = builder.build();
		Lwm2mRegistrationGuard.install(endpoints.provider().getCoapServer());
		limits.countExisting(registrationStore);
		server.getRegistrationService().addListener(limits);
		Lwm2mEventPublisher events = new Lwm2mEventPublisher(server, routed(publisher, delivery.getIfAvailable()),
				eventExecutor.executor());
		events.attach(server);
		new Lwm2mNotificationPublisher(server, events).attach(server);
		return server;
	}

	@Bean
	@ConditionalOnMissingBean
	Lwm2mServerLifecycle lwm2mServerLifecycle(LeshanServer server, Lwm2mServerEndpoints endpoints,
			Lwm2mServerProperties properties, Environment environment) {
		return new Lwm2mServerLifecycle(server, endpoints.provider().getCoapServer(),
				(environment instanceof ConfigurableEnvironment configurable) ? configurable : null,
				properties.getDtls().isEnabled() ? 2 : 1);
	}

	@Bean
	@ConditionalOnMissingBean(Lwm2mOperations.class)
	Lwm2mTemplate lwm2mTemplate(LeshanServer server, Lwm2mServerProperties properties,
			ObjectProvider<Lwm2mOperationListener> listeners, ObjectProvider<Lwm2mOperationObserver> observers) {
		return new Lwm2mTemplate(server, properties.getRequestTimeout(), listeners.orderedStream().toList(),
				observers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Lwm2mTemplate.class)
	Lwm2mObjectTemplate lwm2mObjectTemplate(Lwm2mTemplate template) {
		return new Lwm2mObjectTemplate(template);
	}

	/**
	 * Holds the Californium endpoints provider the server runs on, so that the lifecycle can check each endpoint
	 * bound.
	 * @param provider the endpoints provider
	 */
	record Lwm2mServerEndpoints(CaliforniumServerEndpointsProvider provider) {
	}

	/**
	 * The thread LWM2M events are published on, shut down with the context.
	 * @param executor the executor
	 */
	record Lwm2mEventExecutor(ExecutorService executor) {

		void shutdown() {
			this.executor.shutdown();
		}

	}

}
