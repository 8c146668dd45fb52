package io.coapspring.transport.tcp;

import java.time.Duration;

import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Creates the client's CoAP over TCP endpoint, the only client code that refers to Californium's Netty
 * connector: {@code io.coapspring.client.CoapClientEndpoints} calls it by class name only when a
 * {@code coap+tcp://} request is sent, so the client works without the dependency.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class TcpClientEndpoints {

	private static final Duration CSM_TIMEOUT = Duration.ofSeconds(10);

	private TcpClientEndpoints() {
	}

	/**
	 * Create a {@code coap+tcp} client endpoint that is not started.
	 * @param configuration the client's configuration; a copy has BERT switched off
	 * @param optionRegistry the registry of the options the endpoint parses
	 * @param tag the logging tag
	 * @return the endpoint
	 */
	public static Endpoint create(Configuration configuration, OptionRegistry optionRegistry, String tag) {
		Configuration tcp = new Configuration(configuration);
		tcp.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		CoapTcpSignaling signaling = new CoapTcpSignaling(CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE, CSM_TIMEOUT, null);
		return new CoapEndpoint.Builder().setConfiguration(tcp)
			.setOptionRegistry(optionRegistry)
			.setLoggingTag(tag)
			.setConnector(new CoapTcpClientConnector(tcp, signaling))
			.build();
	}

}
