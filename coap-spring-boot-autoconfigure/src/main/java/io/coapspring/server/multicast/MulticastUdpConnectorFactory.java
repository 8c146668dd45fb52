package io.coapspring.server.multicast;

import java.net.InetSocketAddress;
import java.util.List;

import io.coapspring.server.CoapUdpConnectorFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.UdpMulticastConnector;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.util.Assert;

/**
 * Creates the connector of a server's plain UDP endpoint that also listens to multicast groups, with
 * Californium's own multicast support: one {@link UdpMulticastConnector} multicast receiver per group and
 * network interface, bound to the group's address and the multicast port and joined on that interface, added
 * to the unicast {@link UDPConnector}. Requests received through a receiver are marked as multicast requests
 * (so Californium delays their answers by a random leisure and suppresses error answers); every answer leaves
 * from the unicast socket, so clients see the node's own address.
 * <p>
 * When the unicast socket binds the wildcard address on the multicast port, both sockets would share the
 * port: the unicast socket then reuses the address, and excludes the groups' traffic (see
 * {@link UnicastUdpConnector}) so that a request to a group is never taken for a unicast one.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class MulticastUdpConnectorFactory implements CoapUdpConnectorFactory {

	private static final Log logger = LogFactory.getLog(MulticastUdpConnectorFactory.class);

	private final List<MulticastMembership> memberships;

	private final int port;

	/**
	 * Create a factory.
	 * @param memberships the groups and the interfaces they are joined on
	 * @param port the UDP port the groups are listened to on
	 */
	public MulticastUdpConnectorFactory(List<MulticastMembership> memberships, int port) {
		Assert.notEmpty(memberships, "'memberships' must not be empty");
		Assert.isTrue(port > 0 && port <= 65_535, "'port' must be between 1 and 65535");
		this.memberships = List.copyOf(memberships);
		this.port = port;
	}

	/**
	 * Return the groups and the interfaces they are joined on.
	 * @return the memberships
	 */
	public List<MulticastMembership> getMemberships() {
		return this.memberships;
	}

	/**
	 * Return the port the groups are listened to on.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	@Override
	public Connector createConnector(InetSocketAddress bindAddress, Configuration configuration) {
		Assert.notNull(bindAddress, "'bindAddress' must not be null");
		Assert.notNull(configuration, "'configuration' must not be null");
		boolean sharesPort = bindAddress.getAddress().isAnyLocalAddress() && bindAddress.getPort() == this.port;
		UnicastUdpConnector connector = new UnicastUdpConnector(bindAddress, configuration,
				sharesPort ? this.memberships : List.of());
		connector.setReuseAddress(sharesPort);
		for (MulticastMembership membership : this.memberships) {
			UdpMulticastConnector receiver = new UdpMulticastConnector.Builder()
				.setLocalAddress(membership.bindAddress(), this.port)
				.addMulticastGroup(membership.group(), membership.networkInterface())
				.setMulticastReceiver(true)
				.setConfiguration(configuration)
				.build();
			connector.addMulticastReceiver(receiver);
		}
		if (logger.isInfoEnabled()) {
			logger.info("CoAP server listens to multicast groups " + this.memberships + " on port " + this.port);
		}
		return connector;
	}

}
