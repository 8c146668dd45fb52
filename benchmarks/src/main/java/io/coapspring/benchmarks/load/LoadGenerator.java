package io.coapspring.benchmarks.load;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop CoAP load generator over plain {@link DatagramChannel}s: it keeps {@code W} CON requests in
 * flight, spread over several source sockets, matches each response to its request by message ID (ACK) or
 * token (separate response), and sends the next request as soon as one is answered.
 * <p>
 * Nothing is retransmitted: a request unanswered after the timeout counts as lost and its slot moves on.
 * A separate CON response is acknowledged. Each source socket sends fewer than 65,536 requests
 * ({@link LoadSpec#requestsPerSocket()}), then is replaced by a fresh one, so that no message ID is reused within the server's EXCHANGE_LIFETIME (RFC 7252
 * section 4.4) and deduplication never answers a new request with an old response.
 * <p>
 * One thread runs the whole loop; an instance is used for one run.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LoadGenerator {

	/**
	 * Receive buffer asked for on each client socket, so that the client does not drop responses in bursts
	 * (Linux grants at most {@code net.core.rmem_max}).
	 */
	static final int CLIENT_RECEIVE_BUFFER = 4 * 1024 * 1024;

	private static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;

	private static final int MAX_DATAGRAM = 2048;

	private static final long SCAN_INTERVAL_NANOS = 5_000_000;

	private final LoadSpec spec;

	private final Selector selector;

	private final Lane[] lanes;

	private final Slot[] slots;

	private final ByteBuffer sendBuffer;

	private final byte[] template;

	private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM);

	private final Histogram latencies = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);

	private final long intervalNanos;

	private final List<Long> buckets = new ArrayList<>();

	private long startNanos;

	private boolean sending = true;

	private long sent;

	private long completed;

	private long errors;

	private long lost;

	private long unmatched;

	private long separate;

	private long inFlight;

	private String firstError = "";

	private LoadGenerator(LoadSpec spec) throws IOException {
		this.spec = spec;
		this.selector = Selector.open();
		this.lanes = new Lane[Math.min(spec.sockets(), spec.window())];
		this.slots = new Slot[spec.window()];
		for (int i = 0; i < this.slots.length; i++) {
			this.slots[i] = new Slot(i);
		}
		this.template = spec.request().clone();
		this.sendBuffer = ByteBuffer.wrap(this.template);
		this.intervalNanos = spec.interval().toNanos();
	}

	/**
	 * Run a load run to its end: the duration has passed (or the request bound is reached) and every request
	 * in flight is answered or timed out.
	 * @param spec what to send
	 * @return the outcome
	 * @throws IOException if a socket cannot be opened
	 */
	public static LoadResult run(LoadSpec spec) throws IOException {
		LoadGenerator generator = new LoadGenerator(spec);
		try {
			return generator.execute();
		}
		finally {
			generator.close();
		}
	}

	private LoadResult execute() throws IOException {
		for (int i = 0; i < this.lanes.length; i++) {
			this.lanes[i] = openLane();
		}
		double cpuBefore = ProcCpu.cpuSeconds(this.spec.serverPid());
		long self = ProcessHandle.current().pid();
		double clientCpuBefore = ProcCpu.cpuSeconds(self);
		this.startNanos = System.nanoTime();
		long deadline = this.startNanos + this.spec.duration().toNanos();
		long timeoutNanos = this.spec.timeout().toNanos();
		long lastScan = this.startNanos;
		long lastActivity = this.startNanos;
		for (Slot slot : this.slots) {
			if (mayContinue()) {
				send(slot, this.startNanos);
			}
		}
		while (true) {
			long now = System.nanoTime();
			if (this.sending && (now - deadline >= 0 || this.sent >= this.spec.maxRequests())) {
				this.sending = false;
			}
			if (!this.sending && this.inFlight == 0) {
				break;
			}
			if (!this.sending && now - deadline > timeoutNanos + SCAN_INTERVAL_NANOS) {
				// every remaining request has timed out by now
				scanTimeouts(now, 0);
				break;
			}
			if (this.selector.select(1) > 0) {
				for (SelectionKey key : this.selector.selectedKeys()) {
					if (key.isValid()) {
						drain((Lane) key.attachment());
					}
				}
				this.selector.selectedKeys().clear();
				lastActivity = System.nanoTime();
			}
			now = System.nanoTime();
			if (now - lastScan >= SCAN_INTERVAL_NANOS) {
				scanTimeouts(now, timeoutNanos);
				lastScan = now;
			}
		}
		long end = System.nanoTime();
		double cpuAfter = ProcCpu.cpuSeconds(this.spec.serverPid());
		double clientCpuAfter = ProcCpu.cpuSeconds(self);
		long measuredEnd = Math.max(Math.min(end, lastActivity), this.startNanos + 1);
		double seconds = Math.min(measuredEnd, deadline + timeoutNanos) - this.startNanos;
		return new LoadResult(this.sent, this.completed, this.errors, this.lost, this.unmatched, this.separate,
				this.firstError, seconds / 1e9, micros(50), micros(99), micros(99.9),
				this.latencies.getMaxValue() / 1000.0,
				(cpuBefore < 0 || cpuAfter < 0) ? -1 : cpuAfter - cpuBefore, List.copyOf(this.buckets),
				(clientCpuBefore < 0 || clientCpuAfter < 0) ? -1 : clientCpuAfter - clientCpuBefore);
	}

	private double micros(double percentile) {
		return this.latencies.getValueAtPercentile(percentile) / 1000.0;
	}

	private Lane openLane() throws IOException {
		DatagramChannel channel = DatagramChannel.open(
				(this.spec.target().getAddress().getAddress().length == 4) ? StandardProtocolFamily.INET
						: StandardProtocolFamily.INET6);
		channel.configureBlocking(false);
		channel.setOption(StandardSocketOptions.SO_RCVBUF, CLIENT_RECEIVE_BUFFER);
		channel.connect(this.spec.target());
		Lane lane = new Lane(channel, ThreadLocalRandom.current().nextInt(0x10000));
		lane.key = channel.register(this.selector, SelectionKey.OP_READ, lane);
		return lane;
	}

	private void send(Slot slot, long now) throws IOException {
		int laneIndex = slot.index % this.lanes.length;
		Lane lane = this.lanes[laneIndex];
		if (lane.requests >= this.spec.requestsPerSocket()) {
			lane.retired = true;
			lane.closeIfIdle();
			lane = openLane();
			this.lanes[laneIndex] = lane;
		}
		int mid = lane.nextMid;
		lane.nextMid = (mid + 1) & 0xFFFF;
		lane.requests++;
		slot.sequence++;
		long token = ((long) slot.index << 32) | (slot.sequence & 0xFFFFFFFFL);
		CoapCodec.patch(this.template, mid, token);
		this.sendBuffer.clear();
		slot.lane = lane;
		slot.messageId = mid;
		slot.token = token;
		slot.sentNanos = now;
		slot.active = true;
		slot.separate = false;
		lane.slotByMessageId[mid] = slot.index;
		lane.outstanding++;
		this.inFlight++;
		this.sent++;
		try {
			lane.channel.write(this.sendBuffer);
		}
		catch (PortUnreachableException ex) {
			// the server is gone or not yet there: the request will time out and count as lost
		}
	}

	private void drain(Lane lane) throws IOException {
		// a retired lane is closed as soon as its last response is handled, possibly in this very loop
		while (lane.channel.isOpen()) {
			this.receiveBuffer.clear();
			int length;
			try {
				length = lane.channel.read(this.receiveBuffer);
			}
			catch (PortUnreachableException ex) {
				continue;
			}
			if (length <= 0) {
				return;
			}
			handle(lane, this.receiveBuffer.array(), length, System.nanoTime());
		}
	}

	private void handle(Lane lane, byte[] data, int length, long now) throws IOException {
		if (!CoapCodec.isValid(data, length)) {
			this.unmatched++;
			return;
		}
		int type = CoapCodec.type(data);
		int code = CoapCodec.code(data);
		int mid = CoapCodec.messageId(data);
		if (type == CoapCodec.ACK || type == CoapCodec.RST) {
			int index = lane.slotByMessageId[mid];
			Slot slot = (index >= 0) ? this.slots[index] : null;
			if (slot == null || !slot.active || slot.lane != lane || slot.messageId != mid || slot.separate) {
				this.unmatched++;
				return;
			}
			lane.slotByMessageId[mid] = -1;
			if (type == CoapCodec.RST) {
				complete(slot, -1, now);
			}
			else if (code == 0) {
				slot.separate = true;
				this.separate++;
			}
			else if (CoapCodec.token(data) != slot.token) {
				this.unmatched++;
				complete(slot, -1, now);
			}
			else {
				complete(slot, code, now);
			}
			return;
		}
		if (type == CoapCodec.CON) {
			lane.channel.write(ByteBuffer.wrap(CoapCodec.empty(CoapCodec.ACK, mid)));
		}
		long token = CoapCodec.token(data);
		int index = (int) (token >>> 32);
		Slot slot = (token >= 0 && index < this.slots.length) ? this.slots[index] : null;
		if (slot == null || !slot.active || slot.token != token || slot.lane != lane || code == 0) {
			this.unmatched++;
			return;
		}
		if (!slot.separate) {
			// the response overtook the empty ACK, or there was none
			lane.slotByMessageId[slot.messageId] = -1;
		}
		complete(slot, code, now);
	}

	private void complete(Slot slot, int code, long now) throws IOException {
		this.latencies.recordValue(Math.min(now - slot.sentNanos, HIGHEST_TRACKABLE_NANOS));
		if (code >= 0 && CoapCodec.isSuccess(code)) {
			this.completed++;
			int bucket = (int) ((now - this.startNanos) / this.intervalNanos);
			while (this.buckets.size() <= bucket) {
				this.buckets.add(0L);
			}
			this.buckets.set(bucket, this.buckets.get(bucket) + 1);
		}
		else {
			this.errors++;
			if (this.firstError.isEmpty()) {
				this.firstError = (code < 0) ? "RST or token mismatch" : CoapCodec.codeText(code);
			}
		}
		finish(slot);
		if (mayContinue()) {
			send(slot, now);
		}
	}

	private boolean mayContinue() {
		if (this.sending && this.sent >= this.spec.maxRequests()) {
			this.sending = false;
		}
		return this.sending;
	}

	private void finish(Slot slot) {
		Lane lane = slot.lane;
		slot.active = false;
		this.inFlight--;
		lane.outstanding--;
		if (!slot.separate && lane.slotByMessageId[slot.messageId] == slot.index) {
			lane.slotByMessageId[slot.messageId] = -1;
		}
		if (lane.retired) {
			lane.closeIfIdle();
		}
	}

	private void scanTimeouts(long now, long timeoutNanos) throws IOException {
		for (Slot slot : this.slots) {
			if (slot.active && now - slot.sentNanos >= timeoutNanos) {
				this.lost++;
				if (!slot.separate) {
					slot.lane.slotByMessageId[slot.messageId] = -1;
				}
				finish(slot);
				if (mayContinue()) {
					send(slot, now);
				}
			}
		}
	}

	private void close() throws IOException {
		for (Lane lane : this.lanes) {
			if (lane != null) {
				lane.channel.close();
			}
		}
		for (SelectionKey key : this.selector.keys()) {
			key.channel().close();
		}
		this.selector.close();
	}

	private static final class Lane {

		final DatagramChannel channel;

		final int[] slotByMessageId = new int[0x10000];

		SelectionKey key;

		int nextMid;

		int requests;

		int outstanding;

		boolean retired;

		Lane(DatagramChannel channel, int firstMessageId) {
			this.channel = channel;
			this.nextMid = firstMessageId;
			Arrays.fill(this.slotByMessageId, -1);
		}

		void closeIfIdle() {
			if (this.retired && this.outstanding == 0) {
				try {
					this.key.cancel();
					this.channel.close();
				}
				catch (IOException ex) {
					// closing a UDP socket does not fail in a way that matters here
				}
			}
		}

	}

	private static final class Slot {

		final int index;

		Lane lane;

		long token;

		long sequence;

		int messageId;

		long sentNanos;

		boolean active;

		boolean separate;

		Slot(int index) {
			this.index = index;
		}

	}

}
