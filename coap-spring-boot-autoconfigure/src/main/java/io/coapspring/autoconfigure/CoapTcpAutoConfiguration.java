package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.transport.tcp.CoapTcpSignaling;
import io.coapspring.transport.tcp.TcpConnectionLimit;
import io.coapspring.transport.tcp.TcpServerEndpointFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TcpServerConnector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the CoAP
 * server's CoAP over TCP ({@code coap+tcp}, RFC 8323) endpoint on Californium's Netty connector with the
 * starter's RFC 8323 signaling, enabled by {@code coap.server.tcp.enabled=true}. The endpoint is added to the
 * server by the {@link CoapServerEndpointFactory} bean this configuration defines, so the same handler methods
 * answer as on UDP.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class, before = CoapServerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, TcpServerConnector.class })
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("coap.server.tcp.enabled")
@EnableConfigurationProperties(CoapTcpProperties.class)
public final class CoapTcpAutoConfiguration {

	private static final String PREFIX = "coap.server.tcp.";

	@Bean
	@ConditionalOnMissingBean
	TcpServerEndpointFactory coapTcpServerEndpointFactory(Configuration coapConfiguration,
			CoapProperties properties, CoapTcpProperties tcp, ObjectProvider<OptionRegistry> optionRegistry) {
		validate(tcp);
		InetAddress address = (tcp.getAddress() != null) ? tcp.getAddress() : properties.getServer().getAddress();
		InetSocketAddress bindAddress = (address != null) ? new InetSocketAddress(address, tcp.getPort())
				: new InetSocketAddress(tcp.getPort());
		CoapTcpSignaling signaling = new CoapTcpSignaling((int) tcp.getMaxMessageSize().toBytes(),
				tcp.getCsmTimeout(), new TcpConnectionLimit(tcp.getMaxConnections()));
		TcpServerEndpointFactory factory = new TcpServerEndpointFactory(coapConfiguration, bindAddress,
				tcp.getIdleTimeout(), signaling);
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		return factory;
	}

	private static void validate(CoapTcpProperties tcp) {
		if (tcp.getPort() < 0 || tcp.getPort() > 65535) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "port", tcp.getPort(),
					"must be between 0 and 65535");
		}
		if (tcp.getMaxConnections() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-connections",
					tcp.getMaxConnections(), "must be at least 1");
		}
		long maxMessageSize = tcp.getMaxMessageSize().toBytes();
		if (maxMessageSize < CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE || maxMessageSize > 16 * 1024 * 1024) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-message-size",
					tcp.getMaxMessageSize(), "must be between 1152 bytes (RFC 8323 section 5.3.1) and 16MB");
		}
		positive(PREFIX + "idle-timeout", tcp.getIdleTimeout(), Duration.ofSeconds(1));
		positive(PREFIX + "csm-timeout", tcp.getCsmTimeout(), Duration.ofMillis(1));
	}

	private static void positive(String property, Duration value, Duration minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new InvalidConfigurationPropertyValueException(property, value, "must be at least " + minimum);
		}
	}

}
