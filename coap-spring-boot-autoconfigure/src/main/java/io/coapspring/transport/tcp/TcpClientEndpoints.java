package io.coapspring.transport.tcp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;
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
	 * @param pingInterval the time without a message from a server after which it is sent a Ping; the connection
	 * is aborted after twice that time without one, and stays open while the server answers (instead of
	 * closing after Californium's idle timeout); zero for no Pings
	 * @return the endpoint
	 */
	public static Endpoint create(Configuration configuration, OptionRegistry optionRegistry, String tag,
			Duration pingInterval) {
		return create(configuration, optionRegistry, tag, null, pingInterval);
	}

	/**
	 * Create a {@code coaps+tcp} (TLS) client endpoint that is not started. The server's certificate must
	 * chain to a certificate the SSL context trusts and name the host of the request's URI (its IP address for
	 * an IP literal), as Californium's {@code TLS_VERIFY_SERVER_CERTIFICATES_SUBJECT} checks by default.
	 * @param configuration the client's configuration; a copy has BERT switched off
	 * @param optionRegistry the registry of the options the endpoint parses
	 * @param tag the logging tag
	 * @param sslContext the SSL context with the trusted certificates and, optionally, the client's key
	 * @param pingInterval the time without a message from a server after which it is sent a Ping; the connection
	 * is aborted after twice that time without one, and stays open while the server answers (instead of
	 * closing after Californium's idle timeout); zero for no Pings
	 * @return the endpoint
	 */
	public static Endpoint createTls(Configuration configuration, OptionRegistry optionRegistry, String tag,
			SSLContext sslContext, Duration pingInterval) {
		return create(configuration, optionRegistry, tag, sslContext, pingInterval);
	}

	private static Endpoint create(Configuration configuration, OptionRegistry optionRegistry, String tag,
			@Nullable SSLContext sslContext, Duration pingInterval) {
		Configuration tcp = new Configuration(configuration);
		tcp.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		if (!pingInterval.isZero()) {
			// Californium's idle handler sees no signaling messages: the Pings decide when a connection ends
			tcp.set(TcpConfig.TCP_CONNECTION_IDLE_TIMEOUT, 0, TimeUnit.SECONDS);
		}
		CoapTcpSignaling signaling = new CoapTcpSignaling(CoapTcpSignaling.MIN_MAX_MESSAGE_SIZE, CSM_TIMEOUT, null,
				pingInterval, pingInterval.multipliedBy(2));
		Connector connector = (sslContext != null) ? new CoapTlsClientConnector(sslContext, tcp, signaling)
				: new CoapTcpClientConnector(tcp, signaling);
		return new CoapEndpoint.Builder().setConfiguration(tcp)
			.setOptionRegistry(optionRegistry)
			.setLoggingTag(tag)
			.setConnector(connector)
			.build();
	}

}
