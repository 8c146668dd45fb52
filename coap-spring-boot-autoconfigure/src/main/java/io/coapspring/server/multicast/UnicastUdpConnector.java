package io.coapspring.server.multicast;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.UdpMulticastConnector;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The unicast connector of a server endpoint with multicast receivers, which keeps the groups' datagrams away
 * from its own socket.
 * <p>
 * On Linux, a socket bound to the wildcard address receives the datagrams sent to any multicast group some
 * other socket of the host joined, as long as the port matches: the {@code IPV6_MULTICAST_ALL} socket option,
 * which the JDK neither clears nor exposes, defaults to on. A unicast socket on the multicast port would then
 * get a copy of every request sent to an IPv6 group, and whichever copy Californium processed first decided
 * whether the request counted as multicast: a CON request to the group might be acknowledged, an error
 * answered, the leisure skipped. The option only applies to groups the socket is not a member of, so this
 * connector joins each group itself in source-specific (INCLUDE) mode, with a source no datagram can come
 * from: the limited broadcast address {@code 255.255.255.255} for IPv4 (RFC 1122 section 3.2.1.3; Linux drops
 * such datagrams as martians), its IPv4-mapped form for IPv6 (RFC 4291 section 2.5.5.2; Linux drops those
 * too). The socket then receives none of the groups' traffic, while the multicast receivers, members in the
 * ordinary way, receive all of it. The loopback address would not do: a client of the same host that sends
 * to a group through {@code lo} sends from it.
 *
 * @author CoAP Spring Boot team
 */
final class UnicastUdpConnector extends UDPConnector {

	private static final Log logger = LogFactory.getLog(UnicastUdpConnector.class);

	private final List<MulticastMembership> excluded;

	private final List<UdpMulticastConnector> receivers = new CopyOnWriteArrayList<>();

	/**
	 * Create a connector.
	 * @param address the address and port to bind
	 * @param configuration the configuration
	 * @param excluded the memberships whose groups' datagrams the socket must not receive
	 */
	UnicastUdpConnector(InetSocketAddress address, Configuration configuration, List<MulticastMembership> excluded) {
		super(address, configuration);
		this.excluded = List.copyOf(excluded);
	}

	@Override
	public void addMulticastReceiver(UdpMulticastConnector multicastReceiver) {
		super.addMulticastReceiver(multicastReceiver);
		this.receivers.add(multicastReceiver);
	}

	@Override
	public void removeMulticastReceiver(UdpMulticastConnector multicastReceiver) {
		super.removeMulticastReceiver(multicastReceiver);
		this.receivers.remove(multicastReceiver);
	}

	@Override
	public synchronized void start() throws IOException {
		if (this.running) {
			return;
		}
		try {
			for (UdpMulticastConnector receiver : this.receivers) {
				receiver.start();
			}
			DatagramChannel channel = DatagramChannel.open();
			try {
				channel.setOption(StandardSocketOptions.SO_REUSEADDR, getReuseAddress());
				channel.bind(this.localAddr);
				for (MulticastMembership membership : this.excluded) {
					exclude(channel, membership);
				}
				init(channel.socket());
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (IOException | RuntimeException ex) {
			for (UdpMulticastConnector receiver : this.receivers) {
				receiver.stop();
			}
			throw ex;
		}
	}

	private static void exclude(DatagramChannel channel, MulticastMembership membership) {
		InetAddress group = membership.group();
		try {
			channel.join(group, membership.networkInterface(), neverASource(group));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("The unicast socket could not exclude the datagrams of multicast group " + membership
					+ ", and may take requests sent to it for unicast ones: " + ex);
		}
	}

	/**
	 * Return a source address that no datagram to the group can have.
	 * @param group the group
	 * @return {@code 255.255.255.255} for an IPv4 group, {@code ::ffff:255.255.255.255} for an IPv6 one
	 * @throws UnknownHostException never: the addresses have the right length
	 */
	private static InetAddress neverASource(InetAddress group) throws UnknownHostException {
		if (group instanceof Inet4Address) {
			return InetAddress.getByAddress(new byte[] { -1, -1, -1, -1 });
		}
		byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1, -1 };
		// InetAddress.getByAddress would turn an IPv4-mapped address into an Inet4Address
		return Inet6Address.getByAddress(null, mapped, -1);
	}

}
