package io.coapspring.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.tcp.netty.TcpServerConnector;

import org.springframework.util.Assert;

/**
 * Californium's TCP server connector with RFC 8323 signaling: every accepted connection gets the
 * {@link CoapTcpSignaling} handlers before Californium's own.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTcpServerConnector extends TcpServerConnector {

	private final CoapTcpSignaling signaling;

	/**
	 * Create a connector.
	 * @param bindAddress the address to bind
	 * @param configuration the configuration with the {@code TcpConfig} settings (idle timeout, threads)
	 * @param signaling the signaling of the connections
	 */
	public CoapTcpServerConnector(InetSocketAddress bindAddress, Configuration configuration,
			CoapTcpSignaling signaling) {
		super(bindAddress, configuration);
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
		super.onNewChannelCreated(channel);
		this.signaling.install(channel);
	}

	/**
	 * Return the signaling of the connections.
	 * @return the signaling
	 */
	public CoapTcpSignaling getSignaling() {
		return this.signaling;
	}

}
