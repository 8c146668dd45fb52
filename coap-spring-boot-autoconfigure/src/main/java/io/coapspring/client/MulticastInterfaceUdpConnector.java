package io.coapspring.client;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;

import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A client {@link UDPConnector} whose socket sends multicast datagrams from one network interface
 * ({@code IP_MULTICAST_IF}), for hosts where the routes alone would pick another one.
 *
 * @author CoAP Spring Boot team
 */
final class MulticastInterfaceUdpConnector extends UDPConnector {

	private final NetworkInterface networkInterface;

	MulticastInterfaceUdpConnector(InetSocketAddress bindAddress, Configuration configuration,
			NetworkInterface networkInterface) {
		super(bindAddress, configuration);
		this.networkInterface = networkInterface;
	}

	@Override
	protected void init(DatagramSocket socket) throws IOException {
		socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, this.networkInterface);
		super.init(socket);
	}

}
