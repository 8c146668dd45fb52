package io.coapspring.transport.tcp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;

import org.springframework.util.Assert;

/**
 * Creates the server's CoAP over TLS ({@code coaps+tcp}) endpoint: a Californium
 * {@link org.eclipse.californium.core.network.CoapEndpoint} over a {@link CoapTlsServerConnector}. A client's
 * certificate chain becomes the peer identity of its requests, as over DTLS.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class TlsServerEndpointFactory extends TcpServerEndpointFactory {

	private final SSLContext sslContext;

	/**
	 * Create a factory.
	 * @param configuration the CoAP configuration; a copy gets the TCP and TLS settings
	 * @param bindAddress the address to bind, port 0 for a free one
	 * @param idleTimeout the time without traffic after which a connection is closed, in whole seconds
	 * @param signaling the signaling of the connections
	 * @param sslContext the SSL context with the server's key and the trusted client certificates
	 * @param clientAuthentication whether client certificates are asked for and required
	 * @param handshakeTimeout the longest time a TLS handshake may take
	 */
	public TlsServerEndpointFactory(Configuration configuration, InetSocketAddress bindAddress, Duration idleTimeout,
			CoapTcpSignaling signaling, SSLContext sslContext, CertificateAuthenticationMode clientAuthentication,
			Duration handshakeTimeout) {
		super(configuration, bindAddress, idleTimeout, signaling);
		Assert.notNull(sslContext, "'sslContext' must not be null");
		Assert.notNull(clientAuthentication, "'clientAuthentication' must not be null");
		Assert.notNull(handshakeTimeout, "'handshakeTimeout' must not be null");
		this.sslContext = sslContext;
		getConfiguration().set(TcpConfig.TLS_CLIENT_AUTHENTICATION_MODE, clientAuthentication);
		getConfiguration().set(TcpConfig.TLS_HANDSHAKE_TIMEOUT, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public String getScheme() {
		return "coaps+tcp";
	}

	@Override
	protected Connector createConnector(InetSocketAddress bindAddress, Configuration configuration,
			CoapTcpSignaling signaling) {
		return new CoapTlsServerConnector(this.sslContext, bindAddress, configuration, signaling);
	}

}
