package io.coapspring.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A UDP relay on 127.0.0.1 between one client and a server that drops a share of the datagrams in each
 * direction, chosen by seeded random generators.
 */
final class LossyUdpRelay implements AutoCloseable {

	private final DatagramSocket front;

	private final DatagramSocket back;

	private final InetSocketAddress server;

	private final double dropRate;

	private final Direction toServer;

	private final Direction toClient;

	private volatile @Nullable SocketAddress client;

	LossyUdpRelay(InetSocketAddress server, double dropRate, long seed) throws IOException {
		this.server = server;
		this.dropRate = dropRate;
		InetAddress loopback = InetAddress.getLoopbackAddress();
		this.front = new DatagramSocket(new InetSocketAddress(loopback, 0));
		this.back = new DatagramSocket(new InetSocketAddress(loopback, 0));
		this.toServer = new Direction(new Random(seed), this.front, "lossy-relay-to-server");
		this.toClient = new Direction(new Random(seed + 1), this.back, "lossy-relay-to-client");
	}

	int port() {
		return this.front.getLocalPort();
	}

	Direction toServer() {
		return this.toServer;
	}

	Direction toClient() {
		return this.toClient;
	}

	@Override
	public void close() throws InterruptedException {
		this.front.close();
		this.back.close();
		this.toServer.thread.join(2000);
		this.toClient.thread.join(2000);
	}

	/**
	 * One direction of the relay, with its counters.
	 */
	final class Direction {

		private final Random random;

		private final DatagramSocket source;

		private final Thread thread;

		private final AtomicInteger forwarded = new AtomicInteger();

		private final AtomicInteger dropped = new AtomicInteger();

		private Direction(Random random, DatagramSocket source, String name) {
			this.random = random;
			this.source = source;
			this.thread = new Thread(this::run, name);
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int forwarded() {
			return this.forwarded.get();
		}

		int dropped() {
			return this.dropped.get();
		}

		private void run() {
			byte[] buffer = new byte[2048];
			while (!this.source.isClosed()) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					this.source.receive(packet);
					boolean fromClient = this.source == LossyUdpRelay.this.front;
					if (fromClient) {
						LossyUdpRelay.this.client = packet.getSocketAddress();
					}
					if (this.random.nextDouble() < LossyUdpRelay.this.dropRate) {
						this.dropped.incrementAndGet();
						continue;
					}
					SocketAddress destination = fromClient ? LossyUdpRelay.this.server : LossyUdpRelay.this.client;
					DatagramSocket sender = fromClient ? LossyUdpRelay.this.back : LossyUdpRelay.this.front;
					if (destination != null) {
						sender.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(),
								destination));
						this.forwarded.incrementAndGet();
					}
				}
				catch (IOException ex) {
					return;
				}
			}
		}

	}

}
