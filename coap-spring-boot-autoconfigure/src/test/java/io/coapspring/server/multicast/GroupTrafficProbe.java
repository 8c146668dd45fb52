package io.coapspring.server.multicast;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.autoconfigure.CaliforniumConfigurationFactory;
import io.coapspring.autoconfigure.CoapProperties;
import org.eclipse.californium.elements.Connector;

import static org.awaitility.Awaitility.await;

/**
 * Sends datagrams to a group through one interface of its own host, to a connector of
 * {@link MulticastUdpConnectorFactory} joined to that group on that interface, whose unicast socket shares the
 * multicast port, and counts what its unicast socket and its multicast receiver each get. Through {@code lo}
 * this is how a client of the same host reaches a node with {@code coap.multicast.loopback=true}.
 * {@link MulticastGroupsNamespaceTests} runs it inside the client namespace with the arguments
 * {@code group port interface count}. After the group's datagrams, one datagram goes to {@code 127.0.0.1} on
 * the port: the unicast socket receives in order, so once it has counted that one, it has counted every copy of
 * the group's datagrams it was going to get. Prints {@code multicast=M unicast=U}.
 */
public final class GroupTrafficProbe {

	private GroupTrafficProbe() {
	}

	public static void main(String[] args) throws Exception {
		InetAddress group = InetAddress.getByName(args[0]);
		int port = Integer.parseInt(args[1]);
		NetworkInterface networkInterface = NetworkInterface.getByName(args[2]);
		int count = Integer.parseInt(args[3]);
		Connector connector = new MulticastUdpConnectorFactory(List.of(new MulticastMembership(group, networkInterface)),
				port)
			.createConnector(new InetSocketAddress(port),
					new CaliforniumConfigurationFactory(new CoapProperties(), List.of(), List.of()).create());
		AtomicInteger multicast = new AtomicInteger();
		AtomicInteger unicast = new AtomicInteger();
		connector.setRawDataReceiver((data) -> (data.isMulticast() ? multicast : unicast).incrementAndGet());
		connector.start();
		try (DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET6)) {
			sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
			for (int i = 0; i < count; i++) {
				// a NON GET with message ID i
				sender.send(ByteBuffer.wrap(new byte[] { 0x50, 0x01, 0, (byte) i }), new InetSocketAddress(group, port));
			}
			sender.send(ByteBuffer.wrap(new byte[] { 0x50, 0x01, 1, 0 }),
					new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			await().atMost(Duration.ofSeconds(20)).until(() -> multicast.get() >= count && unicast.get() >= 1);
			System.out.println("multicast=" + multicast.get() + " unicast=" + unicast.get());
		}
		finally {
			connector.destroy();
		}
	}

}
