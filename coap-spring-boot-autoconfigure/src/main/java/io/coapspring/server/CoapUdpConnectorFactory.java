package io.coapspring.server;

import java.net.InetSocketAddress;

import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Creates the connector of the server's plain UDP endpoint in place of Californium's default
 * {@code UDPConnector}: for instance one with multicast receivers, so that the endpoint also answers requests
 * sent to multicast groups.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapServerFactory#setUdpConnectorFactory(CoapUdpConnectorFactory)
 */
@FunctionalInterface
public interface CoapUdpConnectorFactory {

	/**
	 * Create a connector that is not started.
	 * @param bindAddress the unicast address and port to bind, the address may be the wildcard one
	 * @param configuration the Californium configuration of the endpoint
	 * @return the connector
	 */
	Connector createConnector(InetSocketAddress bindAddress, Configuration configuration);

}
