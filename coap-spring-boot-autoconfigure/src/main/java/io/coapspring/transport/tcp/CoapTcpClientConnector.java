package io.coapspring.transport.tcp;

import java.net.SocketAddress;

import io.netty.channel.Channel;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TcpClientConnector;

import org.springframework.util.Assert;

/**
 * Californium's TCP client connector with RFC 8323 signaling: every connection it opens (one per server,
 * pooled and reused until idle) sends our CSM first, honours the server's CSM and answers its Pings.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTcpClientConnector extends TcpClientConnector {

	private final CoapTcpSignaling signaling;

	/**
	 * Create a connector.
	 * @param configuration the configuration with the {@code TcpConfig} settings (connect and idle timeouts)
	 * @param signaling the signaling of the connections
	 */
	public CoapTcpClientConnector(Configuration configuration, CoapTcpSignaling signaling) {
		super(configuration);
		Assert.notNull(signaling, "'signaling' must not be null");
		this.signaling = signaling;
	}

	@Override
	protected void onNewChannelCreated(SocketAddress remote, Channel channel) {
		super.onNewChannelCreated(remote, channel);
		this.signaling.install(channel);
	}

}
