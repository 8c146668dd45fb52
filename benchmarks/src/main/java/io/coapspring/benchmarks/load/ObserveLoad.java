package io.coapspring.benchmarks.load;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Many observers of one resource (RFC 7641), each with its own token, spread over several source sockets:
 * registers them with CON GET Observe=0, then counts the notifications they receive and how late they are.
 * <p>
 * The resource is expected to send {@code "<sequence> <nanoTime>"} as its text payload, where
 * {@code nanoTime} is the server's {@link System#nanoTime()} at the change; on Linux both processes read the
 * same monotonic clock, so the difference to the receiver's {@code nanoTime} is the notification lag. A
 * notification counts as delivered once per observer and sequence number; CON notifications are
 * acknowledged.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ObserveLoad implements Closeable {

	private static final int REGISTRATION_WINDOW = 128;

	private static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;

	private final InetSocketAddress target;

	private final int observers;

	private final DatagramChannel[] channels;

	private final Selector selector;

	private final long tokenBase = (ThreadLocalRandom.current().nextLong() & 0x7FFF_FFFFL) << 32;

	private final boolean[] registered;

	private final long[] lastSequence;

	private final Semaphore window = new Semaphore(REGISTRATION_WINDOW);

	private final Histogram lag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);

	private final Thread receiver;

	private volatile boolean running = true;

	private boolean counting;

	private long delivered;

	private long stale;

	private long confirmable;

	private long unmatched;

	private long lastDeliveredNanos;

	private int registeredCount;

	/**
	 * Open the sockets and start receiving.
	 * @param target the server, on loopback
	 * @param observers how many observe relations to make
	 * @param sockets how many source sockets they are spread over
	 * @throws IOException if a socket cannot be opened
	 */
	public ObserveLoad(InetSocketAddress target, int observers, int sockets) throws IOException {
		if (!target.getAddress().isLoopbackAddress()) {
			throw new IllegalArgumentException("Only loopback targets are allowed: " + target);
		}
		this.target = target;
		this.observers = observers;
		this.registered = new boolean[observers];
		this.lastSequence = new long[observers];
		this.selector = Selector.open();
		this.channels = new DatagramChannel[Math.min(sockets, observers)];
		for (int i = 0; i < this.channels.length; i++) {
			DatagramChannel channel = DatagramChannel.open((target.getAddress().getAddress().length == 4)
					? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.SO_RCVBUF, LoadGenerator.CLIENT_RECEIVE_BUFFER);
			channel.connect(target);
			channel.register(this.selector, SelectionKey.OP_READ, channel);
			this.channels[i] = channel;
		}
		this.receiver = new Thread(this::receive, "observe-load-receiver");
		this.receiver.setDaemon(true);
		this.receiver.start();
	}

	/**
	 * Register every observer: CON GET with Observe=0 on the path, at most 128 registrations in flight.
	 * @param path the Uri-Path of the observed resource
	 * @param timeout how long to wait for all registrations
	 * @return the number of observers whose registration was answered with a 2.xx response
	 * @throws IOException if sending fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public int register(String path, Duration timeout) throws IOException, InterruptedException {
		byte[] template = CoapCodec.request(CoapCodec.GET, path, true, -1, null);
		long deadline = System.nanoTime() + timeout.toNanos();
		int firstMessageId = ThreadLocalRandom.current().nextInt(0x10000);
		for (int i = 0; i < this.observers; i++) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || !this.window.tryAcquire(left, TimeUnit.NANOSECONDS)) {
				break;
			}
			byte[] message = template.clone();
			CoapCodec.patch(message, (firstMessageId + i / this.channels.length) & 0xFFFF, this.tokenBase | i);
			try {
				this.channels[i % this.channels.length].write(ByteBuffer.wrap(message));
			}
			catch (PortUnreachableException ex) {
				this.window.release();
			}
		}
		long left = deadline - System.nanoTime();
		if (left > 0) {
			this.window.tryAcquire(REGISTRATION_WINDOW, left, TimeUnit.NANOSECONDS);
		}
		synchronized (this) {
			return this.registeredCount;
		}
	}

	/**
	 * Reset the counters and start counting notifications.
	 */
	public synchronized void startCounting() {
		this.lag.reset();
		this.delivered = 0;
		this.stale = 0;
		this.confirmable = 0;
		this.lastDeliveredNanos = 0;
		this.counting = true;
	}

	/**
	 * Stop counting and return what was counted since {@link #startCounting()}.
	 * @return the counts
	 */
	public synchronized ObserveCounts stopCounting() {
		this.counting = false;
		return new ObserveCounts(this.registeredCount, this.delivered, this.stale, this.confirmable,
				this.unmatched, this.lag.getValueAtPercentile(50) / 1e6, this.lag.getValueAtPercentile(99) / 1e6,
				this.lag.getMaxValue() / 1e6, this.lastDeliveredNanos);
	}

	/**
	 * Return how many observers hold the latest state any observer received: after the last change has had time
	 * to arrive, every observer still observing should, whether or not it saw each change before it (a server may
	 * coalesce changes that come faster than it notifies).
	 * @return the number of observers whose greatest sequence number is the greatest of all
	 */
	public synchronized int observersWithLatest() {
		long latest = 0;
		for (long sequence : this.lastSequence) {
			latest = Math.max(latest, sequence);
		}
		int count = 0;
		for (long sequence : this.lastSequence) {
			if (sequence == latest) {
				count++;
			}
		}
		return count;
	}

	@Override
	public void close() throws IOException {
		this.running = false;
		this.selector.wakeup();
		try {
			this.receiver.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (DatagramChannel channel : this.channels) {
			channel.close();
		}
		this.selector.close();
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		try {
			while (this.running) {
				if (this.selector.select(50) == 0) {
					continue;
				}
				synchronized (this) {
					for (SelectionKey key : this.selector.selectedKeys()) {
						DatagramChannel channel = (DatagramChannel) key.attachment();
						while (true) {
							buffer.clear();
							int length;
							try {
								length = channel.read(buffer);
							}
							catch (PortUnreachableException ex) {
								continue;
							}
							if (length <= 0) {
								break;
							}
							handle(channel, buffer.array(), length, System.nanoTime());
						}
					}
					this.selector.selectedKeys().clear();
				}
			}
		}
		catch (IOException ex) {
			if (this.running) {
				throw new IllegalStateException("Observe receiver failed", ex);
			}
		}
	}

	private void handle(DatagramChannel channel, byte[] data, int length, long now) throws IOException {
		if (!CoapCodec.isValid(data, length)) {
			this.unmatched++;
			return;
		}
		int type = CoapCodec.type(data);
		if (type == CoapCodec.CON) {
			channel.write(ByteBuffer.wrap(CoapCodec.empty(CoapCodec.ACK, CoapCodec.messageId(data))));
			if (this.counting) {
				this.confirmable++;
			}
		}
		long token = CoapCodec.token(data);
		long index = token - this.tokenBase;
		if (token < 0 || index < 0 || index >= this.observers || CoapCodec.code(data) == 0) {
			this.unmatched++;
			return;
		}
		int observer = (int) index;
		if (!this.registered[observer]) {
			this.registered[observer] = true;
			if (CoapCodec.isSuccess(CoapCodec.code(data))) {
				this.registeredCount++;
			}
			this.window.release();
		}
		int offset = CoapCodec.payloadOffset(data, length);
		if (offset < 0 || offset >= length) {
			return;
		}
		String[] parts = new String(data, offset, length - offset, java.nio.charset.StandardCharsets.US_ASCII)
			.trim()
			.split(" ");
		if (parts.length < 2) {
			return;
		}
		long sequence = Long.parseLong(parts[0]);
		long changedAt = Long.parseLong(parts[1]);
		if (!this.counting) {
			this.lastSequence[observer] = Math.max(this.lastSequence[observer], sequence);
			return;
		}
		if (sequence > this.lastSequence[observer]) {
			this.lastSequence[observer] = sequence;
			this.delivered++;
			this.lastDeliveredNanos = now;
			this.lag.recordValue(Math.max(0, Math.min(now - changedAt, HIGHEST_TRACKABLE_NANOS)));
		}
		else {
			this.stale++;
		}
	}

	/**
	 * What the observers received while counting.
	 *
	 * @param registered observers whose registration succeeded
	 * @param delivered notifications with a sequence newer than the observer had seen
	 * @param stale notifications with a sequence already seen (duplicates or reordering)
	 * @param confirmable CON notifications among them, acknowledged
	 * @param unmatched datagrams matching no observer (since the start)
	 * @param lagP50Millis median notification lag in milliseconds
	 * @param lagP99Millis 99th percentile lag
	 * @param lagMaxMillis largest lag
	 * @param lastDeliveredNanos {@link System#nanoTime()} of the last delivered notification, 0 if none
	 */
	public record ObserveCounts(int registered, long delivered, long stale, long confirmable, long unmatched,
			double lagP50Millis, double lagP99Millis, double lagMaxMillis, long lastDeliveredNanos) {
	}

}
