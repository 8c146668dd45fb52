package io.coapspring.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import io.coapspring.server.deduplication.CoapDeduplication;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.CoapStackFactory;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.eclipse.californium.elements.util.NamedThreadFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates a paused {@link CoapServer}: its endpoints are added but not bound, its request delivery goes
 * through a {@link CoapMessageDeliverer} (asking the {@link CoapRequestRouter}s, if any are set, before the
 * resource tree), its plain endpoint parses options with the {@link OptionRegistry}, if one is set, its
 * protocol executors are sized from the configuration, and every endpoint gets a {@link SizeOptionGuard}
 * and an {@link UnsolicitedResponseFilter} against hostile datagrams that Californium would otherwise answer
 * with an exception, and a {@link MulticastRequestFilter} that drops CON requests sent to a multicast group.
 * The plain endpoint's connector comes from the {@link CoapUdpConnectorFactory}, if one is set, for instance
 * one that listens to multicast groups too; otherwise it is a {@link WatchedUdpConnector}, whose network threads
 * the {@code CoapEndpointWatchdog} watches. {@code CoapServerLifecycle} starts it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerFactory {

	private final Configuration configuration;

	private final CoapRequestGate gate;

	private List<CoapRequestRouter> requestRouters = List.of();

	private @Nullable OptionRegistry optionRegistry;

	private @Nullable CoapUdpConnectorFactory udpConnectorFactory;

	private @Nullable ProtocolHandOff protocolHandOff;

	private @Nullable CoapDeduplication deduplication;

	private @Nullable CoapStackFactory coapStackFactory;

	private @Nullable Object coapStackArgument;

	/**
	 * Create a factory.
	 * @param configuration the Californium configuration of the server's endpoints
	 * @param gate the gate that admits requests
	 */
	public CoapServerFactory(Configuration configuration, CoapRequestGate gate) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(gate, "'gate' must not be null");
		this.configuration = configuration;
		this.gate = gate;
	}

	/**
	 * Set the router asked for a request's resource before the server's resource tree.
	 * @param requestRouter the router, or {@code null} for the resource tree only
	 */
	public void setRequestRouter(@Nullable CoapRequestRouter requestRouter) {
		this.requestRouters = (requestRouter != null) ? List.of(requestRouter) : List.of();
	}

	/**
	 * Set the routers asked in order for a request's resource before the server's resource tree.
	 * @param requestRouters the routers, empty for the resource tree only
	 */
	public void setRequestRouters(List<? extends CoapRequestRouter> requestRouters) {
		Assert.notNull(requestRouters, "'requestRouters' must not be null");
		this.requestRouters = List.copyOf(requestRouters);
	}

	/**
	 * Set the registry of the options the endpoint understands; a critical option outside it is rejected with
	 * 4.02 Bad Option.
	 * @param optionRegistry the registry, or {@code null} for Californium's standard options
	 */
	public void setOptionRegistry(@Nullable OptionRegistry optionRegistry) {
		this.optionRegistry = optionRegistry;
	}

	/**
	 * Set the factory of the connector of the plain UDP endpoint, for instance one that also listens to
	 * multicast groups.
	 * @param udpConnectorFactory the factory, or {@code null} for Californium's {@code UDPConnector}
	 */
	public void setUdpConnectorFactory(@Nullable CoapUdpConnectorFactory udpConnectorFactory) {
		this.udpConnectorFactory = udpConnectorFactory;
	}

	/**
	 * Set the hand-off through which handler threads run the protocol jobs of their responses themselves: the
	 * protocol executor of every server created is wrapped by it.
	 * @param protocolHandOff the hand-off the request dispatcher sends responses through, or {@code null} to
	 * let protocol threads run every protocol job
	 */
	public void setProtocolHandOff(@Nullable ProtocolHandOff protocolHandOff) {
		this.protocolHandOff = protocolHandOff;
	}

	/**
	 * Set the deduplication that gives every plain endpoint created its deduplicator, with a total bound.
	 * @param deduplication the deduplication, or {@code null} for Californium's deduplicators
	 */
	public void setDeduplication(@Nullable CoapDeduplication deduplication) {
		this.deduplication = deduplication;
	}

	/**
	 * Set the factory of the protocol stack of the plain endpoint, for instance Californium's OSCORE stack
	 * ({@code OSCoreCoapStackFactory}) with its security context database as argument.
	 * @param coapStackFactory the factory, or {@code null} for Californium's standard stack
	 * @param coapStackArgument the custom argument the factory receives, may be {@code null}
	 */
	public void setCoapStackFactory(@Nullable CoapStackFactory coapStackFactory, @Nullable Object coapStackArgument) {
		this.coapStackFactory = coapStackFactory;
		this.coapStackArgument = coapStackArgument;
	}

	/**
	 * Create a server with one UDP endpoint.
	 * @param address the address to bind, or {@code null} for the wildcard address
	 * @param port the port to bind, 0 for a free one
	 * @return a server that is not started
	 */
	public CoapServer createServer(@Nullable InetAddress address, int port) {
		return createServer(List.of(createEndpoint(address, port)));
	}

	/**
	 * Create a plain UDP endpoint with the factory's configuration.
	 * @param address the address to bind, or {@code null} for the wildcard address
	 * @param port the port to bind, 0 for a free one
	 * @return an endpoint that is not started
	 */
	public Endpoint createEndpoint(@Nullable InetAddress address, int port) {
		InetSocketAddress bindAddress = (address != null) ? new InetSocketAddress(address, port)
				: new InetSocketAddress(port);
		CoapEndpoint.Builder endpoint = new CoapEndpoint.Builder().setConfiguration(this.configuration);
		if (this.udpConnectorFactory != null) {
			endpoint.setConnector(this.udpConnectorFactory.createConnector(bindAddress, this.configuration));
		}
		else {
			endpoint.setConnector(new WatchedUdpConnector(bindAddress, this.configuration));
		}
		if (this.optionRegistry != null) {
			endpoint.setOptionRegistry(this.optionRegistry);
		}
		if (this.deduplication != null) {
			this.deduplication.apply(endpoint, this.configuration);
		}
		if (this.coapStackFactory != null) {
			endpoint.setCoapStackFactory(this.coapStackFactory).setCustomCoapStackArgument(this.coapStackArgument);
		}
		return endpoint.build();
	}

	/**
	 * Create a server with the given endpoints, for instance a plain UDP endpoint and a DTLS one.
	 * @param endpoints the endpoints, not started
	 * @return a server that is not started
	 */
	public CoapServer createServer(List<? extends Endpoint> endpoints) {
		Assert.notNull(endpoints, "'endpoints' must not be null");
		CoapServer server = new CoapServer(this.configuration);
		server.setMessageDeliverer(
				new CoapMessageDeliverer(server.getRoot(), this.configuration, this.gate, this.requestRouters));
		for (Endpoint endpoint : endpoints) {
			endpoint.addInterceptor(new SizeOptionGuard());
			endpoint.addInterceptor(new UnsolicitedResponseFilter());
			endpoint.addInterceptor(new MulticastRequestFilter());
			server.addEndpoint(endpoint);
		}
		int threads = this.configuration.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT);
		if (threads <= 0) {
			threads = Runtime.getRuntime().availableProcessors();
		}
		ScheduledExecutorService protocolExecutor = ExecutorsUtil.newScheduledThreadPool(threads,
				new NamedThreadFactory("CoapServer(main)#"));
		if (this.protocolHandOff != null) {
			protocolExecutor = this.protocolHandOff.wrap(protocolExecutor);
		}
		server.setExecutors(protocolExecutor, ExecutorsUtil.newDefaultSecondaryScheduler("CoapServer(secondary)#"),
				false);
		return server;
	}

}
