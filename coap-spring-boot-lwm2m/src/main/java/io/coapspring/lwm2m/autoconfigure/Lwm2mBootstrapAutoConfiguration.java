package io.coapspring.lwm2m.autoconfigure;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.lwm2m.bootstrap.Lwm2mBootstrapEventPublisher;
import io.coapspring.lwm2m.bootstrap.Lwm2mBootstrapServerLifecycle;
import io.coapspring.security.SslBundleKeyMaterial;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.leshan.core.SecurityMode;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.server.bootstrap.BootstrapConfig;
import org.eclipse.leshan.server.bootstrap.BootstrapConfigStore;
import org.eclipse.leshan.server.bootstrap.InMemoryBootstrapConfigStore;
import org.eclipse.leshan.server.bootstrap.InvalidConfigurationException;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServerBuilder;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.BootstrapServerProtocolProvider;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.CaliforniumBootstrapServerEndpointsProvider;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.coap.CoapBootstrapServerProtocolProvider;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.coaps.CoapsBootstrapServerProtocolProvider;
import org.eclipse.leshan.server.security.BootstrapSecurityStore;
import org.eclipse.leshan.server.security.BootstrapSecurityStoreAdapter;
import org.eclipse.leshan.server.security.InMemorySecurityStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of an LWM2M bootstrap server (Eclipse Leshan) from {@code coap.lwm2m.bootstrap.*}, off by
 * default: per-endpoint configurations from properties (or a Leshan {@link BootstrapConfigStore} bean), Spring
 * events for every session step.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.coapspring.autoconfigure.CoapAutoConfiguration")
@ConditionalOnClass({ LeshanBootstrapServer.class, CaliforniumBootstrapServerEndpointsProvider.class })
@ConditionalOnBooleanProperty("coap.lwm2m.bootstrap.enabled")
@EnableConfigurationProperties(Lwm2mBootstrapProperties.class)
public final class Lwm2mBootstrapAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BootstrapConfigStore lwm2mBootstrapConfigStore(Lwm2mBootstrapProperties properties) {
		InMemoryBootstrapConfigStore store = new InMemoryBootstrapConfigStore();
		properties.getClients().forEach((endpoint, client) -> {
			try {
				store.add(endpoint, toConfig(endpoint, client));
			}
			catch (InvalidConfigurationException ex) {
				throw new InvalidConfigurationPropertyValueException("coap.lwm2m.bootstrap.clients." + endpoint,
						endpoint, ex.getMessage());
			}
		});
		return store;
	}

	static BootstrapConfig toConfig(String endpoint, Lwm2mBootstrapProperties.Client client) {
		String prefix = "coap.lwm2m.bootstrap.clients." + endpoint;
		BootstrapConfig config = new BootstrapConfig();
		config.toDelete = List.copyOf(client.getDelete());
		List<Lwm2mBootstrapProperties.Server> servers = client.getServers();
		if (servers.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".servers", "[]",
					"must name at least one LWM2M server");
		}
		for (int i = 0; i < servers.size(); i++) {
			Lwm2mBootstrapProperties.Server server = servers.get(i);
			String name = prefix + ".servers[" + i + "]";
			if (server.getUri() == null || !server.getUri().matches("coaps?://.+")) {
				throw new InvalidConfigurationPropertyValueException(name + ".uri", server.getUri(),
						"must be a coap:// or coaps:// URI");
			}
			if (server.getShortId() < 1 || server.getShortId() > 65_534) {
				throw new InvalidConfigurationPropertyValueException(name + ".short-id", server.getShortId(),
						"must be between 1 and 65534");
			}
			BootstrapConfig.ServerSecurity security = new BootstrapConfig.ServerSecurity();
			security.uri = server.getUri();
			security.bootstrapServer = false;
			security.serverId = server.getShortId();
			if (server.getPsk().getIdentity() != null) {
				Lwm2mDtlsIdentities.validate(name + ".psk", server.getPsk());
				security.securityMode = SecurityMode.PSK;
				security.publicKeyOrId = server.getPsk().getIdentity().getBytes(StandardCharsets.UTF_8);
				security.secretKey = Lwm2mDtlsIdentities.keyBytes(server.getPsk());
			}
			else {
				security.securityMode = SecurityMode.NO_SEC;
			}
			config.security.put(i, security);
			BootstrapConfig.ServerConfig serverConfig = new BootstrapConfig.ServerConfig();
			serverConfig.shortId = server.getShortId();
			serverConfig.lifetime = (int) Math.min(Integer.MAX_VALUE, server.getLifetime().toSeconds());
			try {
				serverConfig.binding = BindingMode.parse(server.getBinding());
			}
			catch (RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(name + ".binding", server.getBinding(),
						"is not an LWM2M binding (U, UQ, T, S, N)");
			}
			config.servers.put(i, serverConfig);
		}
		return config;
	}

	@Bean
	Lwm2mBootstrapEndpoints lwm2mBootstrapEndpoints(Lwm2mBootstrapProperties properties,
			ObjectProvider<Configuration> coapConfiguration, Environment environment) {
		checkPort("coap.lwm2m.bootstrap.port", properties.getPort(), environment);
		Lwm2mBootstrapProperties.Dtls dtls = properties.getDtls();
		List<BootstrapServerProtocolProvider> protocols = new ArrayList<>();
		protocols.add(new CoapBootstrapServerProtocolProvider());
		if (dtls.isEnabled()) {
			checkPort("coap.lwm2m.bootstrap.dtls.port", dtls.getPort(), environment);
			if (dtls.getPort() != 0 && dtls.getPort() == properties.getPort()) {
				throw new InvalidConfigurationPropertyValueException("coap.lwm2m.bootstrap.dtls.port", dtls.getPort(),
						"must differ from coap.lwm2m.bootstrap.port");
			}
			protocols.add(new CoapsBootstrapServerProtocolProvider());
		}
		CaliforniumBootstrapServerEndpointsProvider.Builder builder = new CaliforniumBootstrapServerEndpointsProvider.Builder(
				protocols.toArray(BootstrapServerProtocolProvider[]::new));
		Configuration shared = coapConfiguration.getIfAvailable();
		Configuration configuration = (shared != null) ? new Configuration(shared)
				: builder.createDefaultConfiguration();
		protocols.forEach((protocol) -> protocol.applyDefaultValue(configuration));
		if (dtls.isEnabled()) {
			// the bootstrap server never initiates handshakes
			configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
		}
		builder.setConfiguration(configuration);
		builder.addEndpoint(socketAddress(properties, properties.getPort()), Protocol.COAP);
		if (dtls.isEnabled()) {
			builder.addEndpoint(socketAddress(properties, dtls.getPort()), Protocol.COAPS);
		}
		return new Lwm2mBootstrapEndpoints(builder.build(), protocols.size());
	}

	private static void checkPort(String property, int port, Environment environment) {
		if (port < 0 || port > 65_535) {
			throw new InvalidConfigurationPropertyValueException(property, port, "must be between 0 and 65535");
		}
		if (port != 0 && environment.getProperty("coap.server.enabled", Boolean.class, true)
				&& port == environment.getProperty("coap.server.port", Integer.class, 5683)) {
			throw new InvalidConfigurationPropertyValueException(property, port,
					"is the application's CoAP port (coap.server.port); the bootstrap server needs a port of its own");
		}
	}

	private static InetSocketAddress socketAddress(Lwm2mBootstrapProperties properties, int port) {
		return (properties.getAddress() != null) ? new InetSocketAddress(properties.getAddress(), port)
				: new InetSocketAddress(port);
	}

	@Bean
	@ConditionalOnMissingBean
	BootstrapSecurityStore lwm2mBootstrapSecurityStore(Lwm2mBootstrapProperties properties) {
		InMemorySecurityStore store = new InMemorySecurityStore();
		if (properties.getDtls().isEnabled()) {
			Lwm2mDtlsIdentities.validateServerKey("coap.lwm2m.bootstrap.dtls", properties.getDtls());
			Lwm2mDtlsIdentities.addTo(store, "coap.lwm2m.bootstrap.dtls", properties.getDtls());
		}
		return new BootstrapSecurityStoreAdapter(store);
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	LeshanBootstrapServer lwm2mBootstrapServer(Lwm2mBootstrapProperties properties, Lwm2mBootstrapEndpoints endpoints,
			BootstrapConfigStore configStore, BootstrapSecurityStore securityStore,
			ObjectProvider<SslBundles> sslBundles, ApplicationEventPublisher publisher) {
		LeshanBootstrapServerBuilder builder = new LeshanBootstrapServerBuilder();
		String bundleName = properties.getDtls().getSslBundle();
		if (properties.getDtls().isEnabled() && bundleName != null) {
			SslBundleKeyMaterial material = Lwm2mDtlsIdentities.serverCredentials(sslBundles.getIfAvailable(),
					"coap.lwm2m.bootstrap.dtls.ssl-bundle", bundleName);
			builder.setPrivateKey(material.getPrivateKey());
			builder.setCertificateChain(material.getCertificateChain().toArray(X509Certificate[]::new));
			if (!material.getTrustedCertificates().isEmpty()) {
				builder.setTrustedCertificates(material.getTrustedCertificates().toArray(X509Certificate[]::new));
			}
		}
		builder.setEndpointsProviders(endpoints.provider());
		builder.setConfigStore(configStore);
		builder.setSecurityStore(securityStore);
		LeshanBootstrapServer server = builder.build();
		server.addListener(new Lwm2mBootstrapEventPublisher(server, publisher));
		return server;
	}

	@Bean
	@ConditionalOnMissingBean
	Lwm2mBootstrapServerLifecycle lwm2mBootstrapServerLifecycle(LeshanBootstrapServer server,
			Lwm2mBootstrapEndpoints endpoints, Environment environment) {
		return new Lwm2mBootstrapServerLifecycle(server, endpoints.provider().getCoapServer(),
				(environment instanceof ConfigurableEnvironment configurable) ? configurable : null,
				endpoints.expectedEndpoints());
	}

	/**
	 * Holds the Californium endpoints provider the bootstrap server runs on.
	 * @param provider the endpoints provider
	 * @param expectedEndpoints how many endpoints it must create
	 */
	record Lwm2mBootstrapEndpoints(CaliforniumBootstrapServerEndpointsProvider provider, int expectedEndpoints) {
	}

}
