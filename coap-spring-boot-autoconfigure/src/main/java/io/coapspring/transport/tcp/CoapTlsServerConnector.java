package io.coapspring.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;

import io.netty.channel.Channel;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TlsServerConnector;

import org.springframework.util.Assert;

/**
 * Californium's TLS server connector with RFC 8323 signaling: every accepted connection gets the
 * {@link CoapTcpSignaling} handlers after the TLS handler that Californium adds in the same hook, so our CSM
 * is the first message inside the TLS session.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTlsServerConnector extends TlsServerConnector {

	private final CoapTcpSignaling signaling;

	/**
	 * Create a connector.
	 * @param sslContext the SSL context with the server's key and the trusted client certificates
	 * @param bindAddress the address to bind
	 * @param configuration the configuration with the {@code TcpConfig} settings (client authentication,
	 * handshake and idle timeouts)
	 * @param signaling the signaling of the connections
	 */
	public CoapTlsServerConnector(SSLContext sslContext, InetSocketAddress bindAddress, Configuration configuration,
			CoapTcpSignaling signaling) {
		super(sslContext, bindAddress, configuration);
		Assert.notNull(signaling, "'signaling' must not be null");
		this.signaling = signaling;
	}

	/**
	 * Start the connector; if binding fails, stop it again: Californium's connector keeps its threads and
	 * counts as started otherwise, so it could neither be started again nor release its threads.
	 */
	@Override
	public synchronized void start() throws IOException {
		try {
			super.start();
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	@Override
	protected void onNewChannelCreated(Channel channel) {
		// adds the SslHandler first in the pipeline
		super.onNewChannelCreated(channel);
		this.signaling.install(channel);
	}

}
