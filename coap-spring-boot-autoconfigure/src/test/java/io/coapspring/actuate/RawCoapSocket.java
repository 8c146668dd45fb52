package io.coapspring.actuate;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A UDP socket on 127.0.0.1 that sends hand-made CoAP datagrams to a server and reads what comes back, without
 * any CoAP stack of its own: it never acknowledges and never deduplicates unless told to.
 */
final class RawCoapSocket implements AutoCloseable {

	private final DatagramSocket socket;

	private final InetSocketAddress server;

	private final UdpDataSerializer serializer = new UdpDataSerializer();

	private final UdpDataParser parser = new UdpDataParser();

	RawCoapSocket(int port) throws IOException {
		this.server = new InetSocketAddress("127.0.0.1", port);
		this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
	}

	void send(Message message) throws IOException {
		send(this.serializer.getByteArray(message));
	}

	void send(byte[] datagram) throws IOException {
		this.socket.send(new DatagramPacket(datagram, datagram.length, this.server));
	}

	/**
	 * Receive the next CoAP message.
	 * @param timeoutMillis how long to wait
	 * @return the message, or {@code null} if none came in time
	 */
	@Nullable Message receive(int timeoutMillis) throws IOException {
		byte[] buffer = new byte[2048];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		this.socket.setSoTimeout(timeoutMillis);
		try {
			this.socket.receive(packet);
		}
		catch (SocketTimeoutException ex) {
			return null;
		}
		return this.parser.parseMessage(Arrays.copyOf(packet.getData(), packet.getLength()));
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
