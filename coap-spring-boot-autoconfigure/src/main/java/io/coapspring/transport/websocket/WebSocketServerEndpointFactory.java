package io.coapspring.transport.websocket;

import io.coapspring.server.CoapServerEndpointFactory;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates the server's CoAP over WebSockets ({@code coap+ws}) endpoint: a {@link WebSocketEndpoint} over a
 * {@link WebSocketServerConnector}, with the server's CoAP configuration and option registry, so the same
 * handler methods and resources answer as on UDP and TCP. BERT is switched off as on TCP.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class WebSocketServerEndpointFactory implements CoapServerEndpointFactory {

	private final Configuration configuration;

	private final WebSocketServerConnector connector;

	private final String scheme;

	private @Nullable OptionRegistry optionRegistry;

	/**
	 * Create a factory.
	 * @param configuration the CoAP configuration; a copy has BERT switched off
	 * @param connector the connector fed by the WebSocket handler
	 * @param scheme the URI scheme of the endpoint: {@code coap+ws}, or {@code coaps+ws} behind TLS
	 */
	public WebSocketServerEndpointFactory(Configuration configuration, WebSocketServerConnector connector,
			String scheme) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(connector, "'connector' must not be null");
		Assert.hasText(scheme, "'scheme' must not be empty");
		this.configuration = new Configuration(configuration);
		// BERT only if the peer's CSM allows it (RFC 8323 section 6), which Californium cannot check per peer
		this.configuration.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		this.connector = connector;
		this.scheme = scheme;
	}

	/**
	 * Set the registry of the options the endpoint understands.
	 * @param optionRegistry the registry, or {@code null} for Californium's standard options
	 */
	public void setOptionRegistry(@Nullable OptionRegistry optionRegistry) {
		this.optionRegistry = optionRegistry;
	}

	@Override
	public Endpoint createEndpoint() {
		return new WebSocketEndpoint(this.connector, this.configuration, this.optionRegistry, this.scheme);
	}

	/**
	 * Return the URI scheme of the endpoint.
	 * @return {@code coap+ws} or {@code coaps+ws}
	 */
	public String getScheme() {
		return this.scheme;
	}

	/**
	 * Return the connector of the endpoint.
	 * @return the connector
	 */
	public WebSocketServerConnector getConnector() {
		return this.connector;
	}

}
