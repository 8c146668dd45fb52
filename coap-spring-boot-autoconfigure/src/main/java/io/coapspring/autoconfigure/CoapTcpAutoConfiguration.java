package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.transport.tcp.CoapTcpSignaling;
import io.coapspring.transport.tcp.TcpConnectionLimit;
import io.coapspring.transport.tcp.TcpConnectionMetrics;
import io.coapspring.transport.tcp.TcpServerEndpointFactory;
import io.coapspring.transport.tcp.TlsServerEndpointFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TcpServerConnector;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * server's CoAP over TCP ({@code coap+tcp}) and TLS ({@code coaps+tcp}) endpoints (RFC 8323) on Californium's
 * Netty connectors with the starter's RFC 8323 signaling, enabled by {@code coap.server.tcp.enabled=true} and
 * {@code coap.server.tls.enabled=true}. The endpoints are added to the server by the
 * {@link CoapServerEndpointFactory} beans this configuration defines, so the same handler methods answer as on
 * UDP.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, SslAutoConfiguration.class },
		before = CoapServerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, TcpServerConnector.class })
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ CoapTcpProperties.class, CoapTlsProperties.class })
public final class CoapTcpAutoConfiguration {

	private static final String TCP = "coap.server.tcp.";

	private static final String TLS = "coap.server.tls.";

	@Bean
	@ConditionalOnBooleanProperty("coap.server.tcp.enabled")
	@ConditionalOnMissingBean(name = "coapTcpServerEndpointFactory")
	TcpServerEndpointFactory coapTcpServerEndpointFactory(Configuration coapConfiguration,
			CoapProperties properties, CoapTcpProperties tcp, ObjectProvider<OptionRegistry> optionRegistry) {
		TcpServerEndpointFactory factory = new TcpServerEndpointFactory(coapConfiguration,
				bindAddress(tcp.getAddress(), properties, tcp.getPort(), TCP), tcp.getIdleTimeout(), signaling(tcp));
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		return factory;
	}

	@Bean
	@ConditionalOnBooleanProperty("coap.server.tls.enabled")
	@ConditionalOnMissingBean(name = "coapTlsServerEndpointFactory")
	TlsServerEndpointFactory coapTlsServerEndpointFactory(Configuration coapConfiguration, CoapProperties properties,
			CoapTcpProperties tcp, CoapTlsProperties tls, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<OptionRegistry> optionRegistry) {
		if (tls.getSslBundle() == null) {
			throw new InvalidConfigurationPropertyValueException(TLS + "ssl-bundle", null,
					"a TLS endpoint needs the name of an SSL bundle with the server's key and certificate");
		}
		if (tls.getHandshakeTimeout().compareTo(Duration.ofMillis(1)) < 0) {
			throw new InvalidConfigurationPropertyValueException(TLS + "handshake-timeout",
					tls.getHandshakeTimeout(), "must be positive");
		}
		javax.net.ssl.SSLContext sslContext = SslBundleLoader
			.bundle(sslBundles.getIfAvailable(), tls.getSslBundle(), TLS + "ssl-bundle")
			.createSslContext();
		TlsServerEndpointFactory factory = new TlsServerEndpointFactory(coapConfiguration,
				bindAddress(tls.getAddress(), properties, tls.getPort(), TLS), tcp.getIdleTimeout(), signaling(tcp),
				sslContext, clientAuthentication(tls.getClientAuth()), tls.getHandshakeTimeout());
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		return factory;
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class TcpMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TcpConnectionMetrics coapTcpConnectionMetrics(ObjectProvider<TcpServerEndpointFactory> endpointFactories) {
			return new TcpConnectionMetrics(endpointFactories.orderedStream().toList());
		}

	}

	private static CertificateAuthenticationMode clientAuthentication(CoapProperties.ClientAuth clientAuth) {
		return switch (clientAuth) {
			case NONE -> CertificateAuthenticationMode.NONE;
			case WANTED -> CertificateAuthenticationMode.WANTED;
			case NEEDED -> CertificateAuthenticationMode.NEEDED;
		};
	}

	private static InetSocketAddress bindAddress(@Nullable InetAddress own, CoapProperties properties, int port,
			String prefix) {
		if (port < 0 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException(prefix + "port", port, "must be between 0 and 65535");
		}
		InetAddress address = (own != null) ? own : properties.getServer().getAddress();
		return (address != null) ? new InetSocketAddress(address, port) : new InetSocketAddress(port);
	}

	private static CoapTcpSignaling signaling(CoapTcpProperties tcp) {
		if (tcp.getMaxConnections() < 1) {
			throw new InvalidConfigurationPropertyValueException(TCP + "max-connections", tcp.getMaxConnections(),
					"must be at least 1");
		}
		long maxMessageSize = tcp.getMaxMessageSize().toBytes();
		if (maxMessageSize < CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE || maxMessageSize > 16 * 1024 * 1024) {
			throw new InvalidConfigurationPropertyValueException(TCP + "max-message-size", tcp.getMaxMessageSize(),
					"must be between 1152 bytes (RFC 8323 section 5.3.1) and 16MB");
		}
		atLeast(TCP + "idle-timeout", tcp.getIdleTimeout(), Duration.ofSeconds(1));
		atLeast(TCP + "csm-timeout", tcp.getCsmTimeout(), Duration.ofMillis(1));
		atLeast(TCP + "ping-interval", tcp.getPingInterval(), Duration.ZERO);
		// with Pings, our writes keep Californium's idle timeout from firing: the signaling closes silent peers
		Duration pingInterval = tcp.getPingInterval();
		return new CoapTcpSignaling((int) maxMessageSize, tcp.getCsmTimeout(),
				new TcpConnectionLimit(tcp.getMaxConnections()), pingInterval,
				pingInterval.isZero() ? Duration.ZERO : tcp.getIdleTimeout());
	}

	private static void atLeast(String property, Duration value, Duration minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new InvalidConfigurationPropertyValueException(property, value, "must be at least " + minimum);
		}
	}

}
