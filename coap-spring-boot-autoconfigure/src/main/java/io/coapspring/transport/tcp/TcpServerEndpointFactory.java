package io.coapspring.transport.tcp;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapServerEndpointFactory;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates the server's CoAP over TCP ({@code coap+tcp}) endpoint: a Californium {@link CoapEndpoint} over a
 * {@link CoapTcpServerConnector}, with the server's CoAP configuration and option registry, so the same
 * handler methods and resources answer as on UDP. Block-wise transfers use the configured block size: BERT
 * is switched off, because Californium would send BERT blocks to peers whose CSM does not allow them.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class TcpServerEndpointFactory implements CoapServerEndpointFactory {

	private final Configuration configuration;

	private final InetSocketAddress bindAddress;

	private final CoapTcpSignaling signaling;

	private @Nullable OptionRegistry optionRegistry;

	/**
	 * Create a factory.
	 * @param configuration the CoAP configuration; a copy gets the idle timeout
	 * @param bindAddress the address to bind, port 0 for a free one
	 * @param idleTimeout the time without traffic after which a connection is closed, in whole seconds; unused
	 * when the signaling has an idle timeout of its own (with keep-alive Pings), which then closes silent peers
	 * @param signaling the signaling of the connections
	 */
	public TcpServerEndpointFactory(Configuration configuration, InetSocketAddress bindAddress,
			java.time.Duration idleTimeout, CoapTcpSignaling signaling) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(bindAddress, "'bindAddress' must not be null");
		Assert.notNull(idleTimeout, "'idleTimeout' must not be null");
		Assert.notNull(signaling, "'signaling' must not be null");
		this.configuration = new Configuration(configuration);
		// Californium's idle handler sees no signaling messages: with Pings, ours closes silent peers instead
		this.configuration.set(TcpConfig.TCP_CONNECTION_IDLE_TIMEOUT,
				signaling.getIdleTimeout().isZero() ? Math.max(1, idleTimeout.toSeconds()) : 0, TimeUnit.SECONDS);
		// BERT only if the peer's CSM allows it (RFC 8323 section 6), which Californium cannot check per peer
		this.configuration.set(CoapConfig.TCP_NUMBER_OF_BULK_BLOCKS, 1);
		this.bindAddress = bindAddress;
		this.signaling = signaling;
	}

	/**
	 * Set the registry of the options the endpoint understands; a critical option outside it is rejected with
	 * 4.02 Bad Option.
	 * @param optionRegistry the registry, or {@code null} for Californium's standard options
	 */
	public void setOptionRegistry(@Nullable OptionRegistry optionRegistry) {
		this.optionRegistry = optionRegistry;
	}

	@Override
	public Endpoint createEndpoint() {
		CoapEndpoint.Builder endpoint = new CoapEndpoint.Builder().setConfiguration(this.configuration)
			.setConnector(createConnector(this.bindAddress, this.configuration, this.signaling));
		if (this.optionRegistry != null) {
			endpoint.setOptionRegistry(this.optionRegistry);
		}
		return endpoint.build();
	}

	/**
	 * Create the endpoint's connector.
	 * @param bindAddress the address to bind
	 * @param configuration the configuration of the endpoint
	 * @param signaling the signaling of the connections
	 * @return a connector that is not started
	 */
	protected Connector createConnector(InetSocketAddress bindAddress, Configuration configuration,
			CoapTcpSignaling signaling) {
		return new CoapTcpServerConnector(bindAddress, configuration, signaling);
	}

	/**
	 * Return the configuration of the endpoint: a copy of the CoAP configuration with the TCP settings.
	 * @return the configuration
	 */
	protected Configuration getConfiguration() {
		return this.configuration;
	}

	/**
	 * Return the URI scheme of the endpoint.
	 * @return {@code coap+tcp}
	 */
	public String getScheme() {
		return "coap+tcp";
	}

	/**
	 * Return the signaling of the endpoint's connections.
	 * @return the signaling
	 */
	public CoapTcpSignaling getSignaling() {
		return this.signaling;
	}

}
