package io.coapspring.transport.tcp;

import java.net.SocketAddress;

import javax.net.ssl.SSLContext;

import io.netty.channel.Channel;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TlsClientConnector;

import org.springframework.util.Assert;

/**
 * Californium's TLS client connector with RFC 8323 signaling: every connection it opens (one per server,
 * pooled and reused until idle) gets the {@link CoapTcpSignaling} handlers after the TLS handler Californium
 * adds in the same hook, so our CSM is the first message inside the TLS session.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTlsClientConnector extends TlsClientConnector {

	private final CoapTcpSignaling signaling;

	/**
	 * Create a connector.
	 * @param sslContext the SSL context with the trusted server certificates and, optionally, the client's key
	 * @param configuration the configuration with the {@code TcpConfig} settings (connect, handshake and idle
	 * timeouts, server subject verification)
	 * @param signaling the signaling of the connections
	 */
	public CoapTlsClientConnector(SSLContext sslContext, Configuration configuration, CoapTcpSignaling signaling) {
		super(sslContext, configuration);
		Assert.notNull(signaling, "'signaling' must not be null");
		this.signaling = signaling;
	}

	@Override
	protected void onNewChannelCreated(SocketAddress remote, Channel channel) {
		// adds the SslHandler first in the pipeline
		super.onNewChannelCreated(remote, channel);
		this.signaling.install(channel);
	}

}
