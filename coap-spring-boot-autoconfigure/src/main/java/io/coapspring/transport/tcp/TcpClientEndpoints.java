package io.coapspring.transport.tcp;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Creates the client's CoAP over TCP and TLS endpoints, the only client code that refers to Californium's Netty
 * connectors: {@code io.coapspring.client.CoapClientEndpoints} calls it only when a {@code coap+tcp://} or
 * {@code coaps+tcp://} request is sent, so the client works without the dependency.
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
		return create(configuration, optionRegistry, tag, null);
	}

	/**
	 * Create a {@code coaps+tcp} (TLS) client endpoint that is not started. The server's certificate must
	 * chain to a certificate the SSL context trusts and name the host of the request's URI (its IP address for
	 * an IP literal), as Californium's {@code TLS_VERIFY_SERVER_CERTIFICATES_SUBJECT} checks by default.
	 * @param configuration the client's configuration; a copy has BERT switched off
	 * @param optionRegistry the registry of the options the endpoint parses
	 * @param tag the logging tag
	 * @param sslContext the SSL context with the trusted certificates and, optionally, the client's key
	 * @return the endpoint
	 */
	public static Endpoint createTls(Configuration configuration, OptionRegistry optionRegistry, String tag,
			SSLContext sslContext) {
		return create(configuration, optionRegistry, tag, sslContext);
	}

	private static Endpoint create(Configuration configuration, OptionRegistry optionRegistry, String tag,
			@Nullable SSLContext sslContext) {
		Configuration tcp = new Configuration(configuration);
		tcp.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		CoapTcpSignaling signaling = new CoapTcpSignaling(CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE, CSM_TIMEOUT, null);
		Connector connector = (sslContext != null) ? new CoapTlsClientConnector(sslContext, tcp, signaling)
				: new CoapTcpClientConnector(tcp, signaling);
		return new CoapEndpoint.Builder().setConfiguration(tcp)
			.setOptionRegistry(optionRegistry)
			.setLoggingTag(tag)
			.setConnector(connector)
			.build();
	}

}
