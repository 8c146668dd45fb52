package io.coapspring.interop;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.network.serialization.UdpDataParser;

/**
 * A UDP relay on 127.0.0.1 between the clients of one test case and the server under test that records every
 * datagram, decoded, as the ETSI plugtests' analysis tool did from its capture: the checks of a test
 * description are made on what really went over the wire, whatever the client shows. Each client address gets
 * its own socket towards the server, so the server tells the clients apart. Drop rules lose chosen datagrams,
 * for the lossy test descriptions.
 */
final class WireTap implements AutoCloseable {

	private final InetSocketAddress server;

	private final DatagramSocket front;

	private final Map<SocketAddress, Upstream> upstreams = new ConcurrentHashMap<>();

	private final List<Captured> captured = new CopyOnWriteArrayList<>();

	private final List<DropRule> dropRules = new CopyOnWriteArrayList<>();

	private final Thread frontReader;

	WireTap(int serverPort) throws IOException {
		this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
		this.front = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.frontReader = new Thread(this::relayFromClients, "wire-tap-" + this.front.getLocalPort());
		this.frontReader.setDaemon(true);
		this.frontReader.start();
	}

	/**
	 * Return the port clients send to.
	 */
	int port() {
		return this.front.getLocalPort();
	}

	/**
	 * Return the URI of a path (and query) of the server, through the tap.
	 */
	String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + port() + pathAndQuery;
	}

	/**
	 * Lose the next {@code count} datagrams that go in the given direction and match the predicate.
	 */
	void drop(Direction direction, Predicate<Message> matching, int count) {
		this.dropRules.add(new DropRule(direction, matching, count));
	}

	/**
	 * Return what went over the wire so far, in order.
	 */
	List<Captured> captured() {
		return List.copyOf(this.captured);
	}

	/**
	 * Forget what was captured so far.
	 */
	void clear() {
		this.captured.clear();
	}

	private void relayFromClients() {
		byte[] buffer = new byte[2048];
		while (!this.front.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.front.receive(packet);
				InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
				byte[] datagram = copy(packet);
				if (record(Direction.TO_SERVER, client, datagram)) {
					upstream(client).socket.send(new DatagramPacket(datagram, datagram.length, this.server));
				}
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private Upstream upstream(InetSocketAddress client) {
		return this.upstreams.computeIfAbsent(client, (address) -> {
			try {
				return new Upstream((InetSocketAddress) address);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot open a socket towards the server", ex);
			}
		});
	}

	/**
	 * Record a datagram; return whether to forward it.
	 */
	private boolean record(Direction direction, InetSocketAddress client, byte[] datagram) {
		Message message = parse(datagram);
		boolean dropped = false;
		for (DropRule rule : this.dropRules) {
			if (rule.takes(direction, message)) {
				dropped = true;
				break;
			}
		}
		this.captured.add(new Captured(direction, client, System.nanoTime(), datagram, message, dropped));
		return !dropped;
	}

	private static Message parse(byte[] datagram) {
		try {
			return new UdpDataParser().parseMessage(datagram);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static byte[] copy(DatagramPacket packet) {
		byte[] datagram = new byte[packet.getLength()];
		System.arraycopy(packet.getData(), packet.getOffset(), datagram, 0, packet.getLength());
		return datagram;
	}

	@Override
	public void close() throws InterruptedException {
		this.front.close();
		List<Upstream> upstreams = new ArrayList<>(this.upstreams.values());
		for (Upstream upstream : upstreams) {
			upstream.socket.close();
		}
		this.frontReader.join(2000);
		for (Upstream upstream : upstreams) {
			upstream.reader.join(2000);
		}
	}

	/**
	 * The direction of a datagram.
	 */
	enum Direction {

		TO_SERVER, TO_CLIENT

	}

	/**
	 * A datagram that went through the tap, or was lost on purpose.
	 *
	 * @param direction where it went
	 * @param client the client it came from or went to
	 * @param nanos when, by {@link System#nanoTime()}
	 * @param datagram its bytes
	 * @param message the decoded message, {@code null} if it did not decode
	 * @param dropped whether the tap lost it on purpose
	 */
	record Captured(Direction direction, InetSocketAddress client, long nanos, byte[] datagram, Message message,
			boolean dropped) {

		@Override
		public String toString() {
			return (this.direction == Direction.TO_SERVER ? "C->S " : "S->C ") + (this.dropped ? "[dropped] " : "")
					+ ((this.message != null) ? this.message.toString().replaceAll("\\s+", " ")
							: this.datagram.length + " undecodable bytes");
		}

	}

	private static final class DropRule {

		private final Direction direction;

		private final Predicate<Message> matching;

		private int remaining;

		private DropRule(Direction direction, Predicate<Message> matching, int count) {
			this.direction = direction;
			this.matching = matching;
			this.remaining = count;
		}

		synchronized boolean takes(Direction direction, Message message) {
			if (this.remaining > 0 && direction == this.direction && message != null && this.matching.test(message)) {
				this.remaining--;
				return true;
			}
			return false;
		}

	}

	private final class Upstream {

		private final InetSocketAddress client;

		private final DatagramSocket socket;

		private final Thread reader;

		private Upstream(InetSocketAddress client) throws IOException {
			this.client = client;
			this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			this.reader = new Thread(this::relayFromServer, "wire-tap-upstream-" + this.socket.getLocalPort());
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void relayFromServer() {
			byte[] buffer = new byte[2048];
			while (!this.socket.isClosed()) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					this.socket.receive(packet);
					byte[] datagram = copy(packet);
					if (record(Direction.TO_CLIENT, this.client, datagram)) {
						WireTap.this.front.send(new DatagramPacket(datagram, datagram.length, this.client));
					}
				}
				catch (IOException ex) {
					return;
				}
			}
		}

	}

}
