package io.coapspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.coapspring.transport.websocket.CoapWebSocketHandler;
import io.coapspring.transport.websocket.WebSocketServerConnector;
import io.coapspring.transport.websocket.WebSocketServerEndpointFactory;
import io.coapspring.transport.websocket.WebSocketSignaling;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapWebSocketAutoConfiguration}: conditions, the mapping of {@code coap.server.websocket.*}
 * and the start-up failure messages.
 */
class CoapWebSocketAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapWebSocketAutoConfiguration.class))
		.withPropertyValues("coap.server.address=127.0.0.1", "coap.server.port=0");

	@Test
	void webSocketsAreOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WebSocketServerConnector.class);
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap");
		});
	}

	@Test
	void enabledAddsAWebSocketEndpointAndHandlerMapping() {
		this.runner.withPropertyValues("coap.server.websocket.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schemes(context.getBean(CoapServer.class))).containsExactly("coap", "coap+ws");
			assertThat(context).hasSingleBean(CoapWebSocketHandler.class);
			WebSocketHandlerMapping mapping = context.getBean("coapWebSocketHandlerMapping",
					WebSocketHandlerMapping.class);
			assertThat(mapping.getUrlMap()).containsOnlyKeys("/.well-known/coap");
			WebSocketSignaling signaling = context.getBean(WebSocketServerConnector.class).getSignaling();
			assertThat(signaling.maxMessageSize()).isEqualTo(1152);
			assertThat(signaling.isBlockWise()).isTrue();
			assertThat(signaling.csmTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(signaling.pingInterval()).isEqualTo(Duration.ofSeconds(60));
			assertThat(signaling.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(signaling.connectionLimit().getMaxConnections()).isEqualTo(1000);
		});
	}

	@Test
	void propertiesAreMapped() {
		this.runner
			.withPropertyValues("coap.server.websocket.enabled=true", "coap.server.websocket.path=/coap",
					"coap.server.websocket.max-message-size=64KB", "coap.server.websocket.max-connections=7",
					"coap.server.websocket.csm-timeout=3s", "coap.server.websocket.ping-interval=0",
					"coap.server.websocket.idle-timeout=90s")
			.run((context) -> {
				WebSocketSignaling signaling = context.getBean(WebSocketServerConnector.class).getSignaling();
				assertThat(signaling.maxMessageSize()).isEqualTo(65536);
				assertThat(signaling.isBlockWise()).isFalse();
				assertThat(signaling.connectionLimit().getMaxConnections()).isEqualTo(7);
				assertThat(signaling.csmTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(signaling.pingInterval()).isZero();
				assertThat(signaling.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
				assertThat(context.getBean("coapWebSocketHandlerMapping", WebSocketHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/coap");
			});
	}

	@Test
	void tlsOnTheHttpServerMakesTheSchemeSecure() {
		this.runner.withPropertyValues("coap.server.websocket.enabled=true", "server.ssl.bundle=web")
			.run((context) -> assertThat(context.getBean(WebSocketServerEndpointFactory.class).getScheme())
				.isEqualTo("coaps+ws"));
	}

	@Test
	void userConnectorWins() {
		this.runner.withPropertyValues("coap.server.websocket.enabled=true")
			.withBean("myConnector", WebSocketServerConnector.class,
					() -> new WebSocketServerConnector(
							new WebSocketSignaling(2048, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, null),
							() -> new java.net.InetSocketAddress(0)))
			.run((context) -> {
				assertThat(context).hasSingleBean(WebSocketServerConnector.class);
				assertThat(context.getBean(WebSocketServerEndpointFactory.class).getConnector())
					.isSameAs(context.getBean("myConnector"));
			});
	}

	@Test
	void backsOffWithoutSpringWebSocket() {
		this.runner.withPropertyValues("coap.server.websocket.enabled=true")
			.withClassLoader(new FilteredClassLoader(WebSocketHandlerMapping.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketServerConnector.class));
	}

	@Test
	void backsOffOutsideAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
					CoapWebSocketAutoConfiguration.class))
			.withPropertyValues("coap.server.address=127.0.0.1", "coap.server.port=0",
					"coap.server.websocket.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketServerConnector.class));
	}

	@Test
	void tooSmallMaxMessageSizeFailsNamingTheProperty() {
		assertFails("coap.server.websocket.max-message-size=100B", "coap.server.websocket.max-message-size");
	}

	@Test
	void noConnectionsFailsNamingTheProperty() {
		assertFails("coap.server.websocket.max-connections=0", "coap.server.websocket.max-connections");
	}

	@Test
	void zeroCsmTimeoutFailsNamingTheProperty() {
		assertFails("coap.server.websocket.csm-timeout=0s", "coap.server.websocket.csm-timeout");
	}

	@Test
	void negativePingIntervalFailsNamingTheProperty() {
		assertFails("coap.server.websocket.ping-interval=-1s", "coap.server.websocket.ping-interval");
	}

	@Test
	void negativeIdleTimeoutFailsNamingTheProperty() {
		assertFails("coap.server.websocket.idle-timeout=-1s", "coap.server.websocket.idle-timeout");
	}

	@Test
	void relativePathFailsNamingTheProperty() {
		assertFails("coap.server.websocket.path=coap", "coap.server.websocket.path");
	}

	private void assertFails(String property, String name) {
		this.runner.withPropertyValues("coap.server.websocket.enabled=true", property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(name);
		});
	}

	private static List<String> schemes(CoapServer server) {
		return server.getEndpoints().stream().map(Endpoint::getUri).map(java.net.URI::getScheme).toList();
	}

}
