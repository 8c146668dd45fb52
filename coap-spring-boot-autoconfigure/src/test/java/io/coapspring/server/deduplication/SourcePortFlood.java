package io.coapspring.server.deduplication;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * Sends one valid CON GET from each of many distinct source endpoints on loopback, as a host with many source
 * ports would: each request leaves from its own {@link DatagramChannel}, bound to an address of 127.1.0.0/16 (Linux
 * routes all of 127/8 to the loopback interface) and a free port, opened and closed in batches. Each batch waits for its
 * answers until none came for half a second (two seconds at most), so the flood goes no faster than the server answers and ends by itself.
 */
final class SourcePortFlood {

	private static final int BATCH = 500;

	private static final long QUIET_MILLIS = 500;

	private final InetSocketAddress server;

	private final String path;

	private final UdpDataSerializer serializer = new UdpDataSerializer();

	SourcePortFlood(InetSocketAddress server, String path) {
		this.server = server;
		this.path = path;
	}

	/**
	 * Send one CON GET from each of the peers numbered {@code first} to {@code first + count - 1}.
	 * @param first number of the first peer (the source address is derived from it)
	 * @param count number of peers
	 * @param deadlineNanos {@link System#nanoTime()} after which no further batch starts
	 * @return the number of requests answered
	 */
	int send(int first, int count, long deadlineNanos) throws IOException {
		int answered = 0;
		for (int start = first; start < first + count && System.nanoTime() < deadlineNanos; start += BATCH) {
			answered += batch(start, Math.min(BATCH, first + count - start));
		}
		return answered;
	}

	private int batch(int first, int count) throws IOException {
		List<DatagramChannel> channels = new ArrayList<>(count);
		try (Selector selector = Selector.open()) {
			for (int i = first; i < first + count; i++) {
				DatagramChannel channel = DatagramChannel.open();
				channels.add(channel);
				channel.bind(new InetSocketAddress(sourceAddress(i), 0));
				channel.configureBlocking(false);
				channel.register(selector, SelectionKey.OP_READ);
				channel.send(ByteBuffer.wrap(request(i)), this.server);
			}
			int answered = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
			ByteBuffer buffer = ByteBuffer.allocate(2048);
			while (answered < count) {
				long left = Math.min(QUIET_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
				if (left <= 0 || selector.select(left) == 0) {
					break;
				}
				for (SelectionKey key : selector.selectedKeys()) {
					buffer.clear();
					if (((DatagramChannel) key.channel()).receive(buffer) != null) {
						answered++;
						key.cancel();
					}
				}
				selector.selectedKeys().clear();
			}
			return answered;
		}
		finally {
			for (DatagramChannel channel : channels) {
				channel.close();
			}
		}
	}

	private byte[] request(int peer) {
		Request request = Request.newGet();
		request.setType(Type.CON);
		request.setMID(peer & 0xFFFF);
		request.setToken(Token.fromProvider(new byte[] { (byte) (peer >> 24), (byte) (peer >> 16), (byte) (peer >> 8),
				(byte) peer }));
		request.getOptions().setUriPath(this.path);
		return this.serializer.getByteArray(request);
	}

	private static InetAddress sourceAddress(int peer) throws IOException {
		int host = peer / 8;
		return InetAddress.getByAddress(new byte[] { 127, 1, (byte) (host / 250), (byte) (host % 250 + 1) });
	}

}
