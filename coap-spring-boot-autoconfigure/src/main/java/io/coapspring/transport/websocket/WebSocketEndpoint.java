package io.coapspring.transport.websocket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.EndpointContextMatcherFactory;
import org.eclipse.californium.core.network.InMemoryMessageExchangeStore;
import org.eclipse.californium.core.network.MessageExchangeStore;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.core.network.deduplication.NoDeduplicator;
import org.eclipse.californium.core.network.serialization.TcpDataParser;
import org.eclipse.californium.core.network.serialization.TcpDataSerializer;
import org.eclipse.californium.core.observe.InMemoryObservationStore;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * A Californium endpoint of CoAP over WebSockets: built like {@link CoapEndpoint.Builder} builds a TCP
 * endpoint (TCP parser, serializer and stack, no deduplication), with its own URI scheme, so that logs,
 * metrics and the actuator tell it from the {@code coap+tcp} endpoint. Californium still marks the requests it
 * receives with the scheme {@code coap+tcp}, the one of the connector's protocol.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class WebSocketEndpoint extends CoapEndpoint {

	private final String scheme;

	/**
	 * Create an endpoint.
	 * @param connector the connector, whose protocol is TCP
	 * @param configuration the configuration
	 * @param optionRegistry the options the endpoint understands, or {@code null} for Californium's standard ones
	 * @param scheme the URI scheme of the endpoint, {@code coap+ws} or {@code coaps+ws}
	 */
	public WebSocketEndpoint(Connector connector, Configuration configuration, @Nullable OptionRegistry optionRegistry,
			String scheme) {
		this(connector, configuration, optionRegistry, scheme, new RandomTokenGenerator(configuration));
	}

	private WebSocketEndpoint(Connector connector, Configuration configuration,
			@Nullable OptionRegistry optionRegistry, String scheme, TokenGenerator tokens) {
		super(connector, configuration, tokens, new InMemoryObservationStore(configuration),
				exchangeStore(scheme, configuration, tokens), EndpointContextMatcherFactory.create(connector, configuration),
				new TcpDataSerializer(), (optionRegistry != null) ? new TcpDataParser(optionRegistry) : new TcpDataParser(),
				"[" + scheme + "] ", CoapEndpoint.STANDARD_COAP_STACK_FACTORY, null);
		this.scheme = scheme;
	}

	private static MessageExchangeStore exchangeStore(String tag, Configuration configuration, TokenGenerator tokens) {
		InMemoryMessageExchangeStore store = new InMemoryMessageExchangeStore(tag, configuration, tokens);
		store.setDeduplicator(new NoDeduplicator());
		return store;
	}

	@Override
	public URI getUri() {
		InetSocketAddress address = getAddress();
		try {
			return new URI(this.scheme, null, address.getHostString(), address.getPort(), null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Invalid URI of endpoint " + address, ex);
		}
	}

}
