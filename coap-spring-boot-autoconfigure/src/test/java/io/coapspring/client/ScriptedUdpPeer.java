package io.coapspring.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A CoAP peer on 127.0.0.1 that answers each received message with whatever its script returns: nothing
 * (a silent server), a reset, or crafted responses. Records what it received.
 */
final class ScriptedUdpPeer implements AutoCloseable {

	private final DatagramSocket socket;

	private final Thread thread;

	private final Function<Message, List<Message>> script;

	private final List<Message> received = new CopyOnWriteArrayList<>();

	private volatile @Nullable InetSocketAddress lastSender;

	private final UdpDataParser parser = new UdpDataParser();

	private final UdpDataSerializer serializer = new UdpDataSerializer();

	ScriptedUdpPeer(Function<Message, List<Message>> script) throws SocketException {
		this.script = script;
		this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.thread = new Thread(this::run, "scripted-udp-peer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	static ScriptedUdpPeer silent() throws SocketException {
		return new ScriptedUdpPeer((message) -> List.of());
	}

	static ScriptedUdpPeer resetting() throws SocketException {
		return new ScriptedUdpPeer((message) -> {
			EmptyMessage reset = EmptyMessage.newRST(message);
			reset.setToken(Token.EMPTY);
			return List.of(reset);
		});
	}

	String uri(String path) {
		return "coap://127.0.0.1:" + this.socket.getLocalPort() + path;
	}

	List<Message> received() {
		return this.received;
	}

	/**
	 * Return the address of the last message received.
	 */
	@Nullable InetSocketAddress lastSender() {
		return this.lastSender;
	}

	/**
	 * Send a message to an address, outside of any script.
	 */
	void send(Message message, InetSocketAddress address) throws IOException {
		byte[] bytes = this.serializer.getByteArray(message);
		this.socket.send(new DatagramPacket(bytes, bytes.length, address));
	}

	private void run() {
		byte[] buffer = new byte[2048];
		while (!this.socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
				byte[] bytes = new byte[packet.getLength()];
				System.arraycopy(packet.getData(), packet.getOffset(), bytes, 0, bytes.length);
				Message message = this.parser.parseMessage(bytes);
				this.received.add(message);
				InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
				this.lastSender = sender;
				for (Message reply : this.script.apply(message)) {
					send(reply, sender);
				}
			}
			catch (IOException ex) {
				return;
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.socket.close();
		this.thread.join(2000);
	}

}
