package io.coapspring.autoconfigure;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import io.coapspring.transport.tcp.CoapTcpSignaling;
import io.coapspring.transport.tcp.TcpConnectionLimit;
import io.coapspring.transport.tcp.TcpConnectionMetrics;
import io.coapspring.transport.websocket.CoapWebSocketHandler;
import io.coapspring.transport.websocket.WebSocketServerConnector;
import io.coapspring.transport.websocket.WebSocketServerEndpointFactory;
import io.coapspring.transport.websocket.WebSocketSignaling;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of CoAP over
 * WebSockets (RFC 8323 section 4) on the application's own servlet HTTP server, enabled by
 * {@code coap.server.websocket.enabled=true}: a WebSocket handler at {@code coap.server.websocket.path}
 * ({@code /.well-known/coap}) with the {@code coap} subprotocol feeds a Californium connector, whose endpoint
 * the CoAP server adds to its others, so the same handler methods answer. The scheme is {@code coaps+ws} when
 * the HTTP server has TLS ({@code server.ssl.*}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class, before = CoapServerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, WebSocketHandlerMapping.class, DispatcherServlet.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("coap.server.websocket.enabled")
@EnableConfigurationProperties(CoapWebSocketProperties.class)
public final class CoapWebSocketAutoConfiguration {

	private static final String PREFIX = "coap.server.websocket.";

	@Bean
	@ConditionalOnMissingBean
	WebSocketServerConnector coapWebSocketServerConnector(CoapWebSocketProperties properties,
			Environment environment) {
		return new WebSocketServerConnector(signaling(properties),
				() -> new InetSocketAddress(environment.getProperty("local.server.port", Integer.class, 0)));
	}

	@Bean
	@ConditionalOnMissingBean(name = "coapWebSocketServerEndpointFactory")
	WebSocketServerEndpointFactory coapWebSocketServerEndpointFactory(Configuration coapConfiguration,
			WebSocketServerConnector connector, ObjectProvider<OptionRegistry> optionRegistry,
			Environment environment) {
		WebSocketServerEndpointFactory factory = new WebSocketServerEndpointFactory(coapConfiguration, connector,
				hasTls(environment) ? "coaps+ws" : "coap+ws");
		factory.setOptionRegistry(optionRegistry.getIfUnique());
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapWebSocketHandler coapWebSocketHandler(WebSocketServerConnector connector) {
		return new CoapWebSocketHandler(connector);
	}

	@Bean
	@ConditionalOnMissingBean(name = "coapWebSocketHandlerMapping")
	WebSocketHandlerMapping coapWebSocketHandlerMapping(CoapWebSocketHandler handler,
			CoapWebSocketProperties properties) {
		String path = properties.getPath();
		if (!path.startsWith("/")) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "path", path, "must start with '/'");
		}
		WebSocketHttpRequestHandler requestHandler = new WebSocketHttpRequestHandler(handler,
				new DefaultHandshakeHandler());
		requestHandler.getHandshakeInterceptors().add(new OriginHandshakeInterceptor(properties.getAllowedOrigins()));
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(path, requestHandler));
		mapping.setOrder(1);
		return mapping;
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class WebSocketMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coapWebSocketConnectionMetrics")
		MeterBinder coapWebSocketConnectionMetrics(WebSocketServerEndpointFactory endpointFactory) {
			return (registry) -> {
				TcpConnectionLimit limit = endpointFactory.getConnector().getSignaling().connectionLimit();
				if (limit != null) {
					TcpConnectionMetrics.bind(registry, endpointFactory.getScheme(), limit);
				}
			};
		}

	}

	private static boolean hasTls(Environment environment) {
		boolean configured = environment.containsProperty("server.ssl.bundle")
				|| environment.containsProperty("server.ssl.key-store")
				|| environment.containsProperty("server.ssl.certificate");
		return configured && environment.getProperty("server.ssl.enabled", Boolean.class, true);
	}

	private static WebSocketSignaling signaling(CoapWebSocketProperties properties) {
		if (properties.getMaxConnections() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-connections",
					properties.getMaxConnections(), "must be at least 1");
		}
		long maxMessageSize = properties.getMaxMessageSize().toBytes();
		if (maxMessageSize < CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE || maxMessageSize > 16 * 1024 * 1024) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-message-size",
					properties.getMaxMessageSize(), "must be between 1152 bytes (RFC 8323 section 5.3.1) and 16MB");
		}
		if (properties.getCsmTimeout().toMillis() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "csm-timeout", properties.getCsmTimeout(),
					"must be at least 1ms");
		}
		notNegative(PREFIX + "ping-interval", properties.getPingInterval());
		notNegative(PREFIX + "idle-timeout", properties.getIdleTimeout());
		return new WebSocketSignaling((int) maxMessageSize, properties.getCsmTimeout(), properties.getPingInterval(),
				properties.getIdleTimeout(), new TcpConnectionLimit(properties.getMaxConnections()));
	}

	private static void notNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "must not be negative");
		}
	}

}
