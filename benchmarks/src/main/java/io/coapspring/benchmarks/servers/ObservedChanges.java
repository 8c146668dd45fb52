package io.coapspring.benchmarks.servers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The observe scenario's state and its change runs, shared by the raw server and the starter's so that both pace
 * their changes exactly alike: the state is a sequence number and the {@link System#nanoTime()} of its last
 * change, served as {@code "<sequence> <nanoTime>"}. A change run changes it in a background thread, either at a
 * fixed rate or as fast as the server sends the notifications: the next change once all notifications of the
 * earlier changes and 90% of this one's have left the socket (as the server counts them), or 1 s at most, so
 * that the protocol stage's and the connector's queues stay bounded, as an application that watches its own
 * back-pressure would do.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ObservedChanges implements ChangeRuns {

	private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final IntSupplier publisher;

	private final LongSupplier sent;

	private final IntSupplier observers;

	private volatile State state = new State(0, System.nanoTime());

	private volatile long changes;

	private volatile long sentBefore;

	private volatile boolean running;

	/**
	 * Create the state.
	 * @param publisher publishes a change to the observers and returns how many it concerns
	 * @param sent the number of notifications that left the socket so far
	 * @param observers the number of observers now
	 */
	public ObservedChanges(IntSupplier publisher, LongSupplier sent, IntSupplier observers) {
		this.publisher = publisher;
		this.sent = sent;
		this.observers = observers;
	}

	/**
	 * Return the current representation.
	 * @return {@code "<sequence> <nanoTime of the change>"}
	 */
	public String payload() {
		State current = this.state;
		return current.sequence() + " " + current.changedAt();
	}

	@Override
	public synchronized boolean startChanging(double perSecond, Duration duration) {
		if (this.running) {
			return false;
		}
		this.running = true;
		Thread thread = new Thread(() -> changeLoop(perSecond, duration), "observe-changer");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	@Override
	public String stats() {
		return this.changes + " " + (this.sent.getAsLong() - this.sentBefore) + " " + this.observers.getAsInt() + " "
				+ this.running;
	}

	private void changeLoop(double perSecond, Duration duration) {
		try {
			this.sentBefore = this.sent.getAsLong();
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			long period = (perSecond > 0) ? (long) (1e9 / perSecond) : 0;
			long next = start;
			long count = 0;
			long expected = 0;
			while (System.nanoTime() - end < 0) {
				this.state = new State(this.state.sequence() + 1, System.nanoTime());
				int observers = this.publisher.getAsInt();
				expected += observers;
				count++;
				if (period > 0) {
					next += period;
					long wait;
					while ((wait = next - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
				}
				else if (observers == 0) {
					// nobody to notify: do not spin
					LockSupport.parkNanos(MAX_WAIT_NANOS);
				}
				else {
					// all notifications of the earlier changes and 90% of this one's have left the socket
					long target = this.sentBefore + expected - observers / 10;
					long waitEnd = System.nanoTime() + MAX_WAIT_NANOS;
					while (this.sent.getAsLong() < target && System.nanoTime() - waitEnd < 0) {
						LockSupport.parkNanos(50_000);
					}
					if (this.sent.getAsLong() < target) {
						// some were dropped or coalesced: count from what was really sent
						expected = this.sent.getAsLong() - this.sentBefore;
					}
				}
				this.changes = count;
			}
		}
		finally {
			this.running = false;
		}
	}

	private record State(long sequence, long changedAt) {
	}

}
