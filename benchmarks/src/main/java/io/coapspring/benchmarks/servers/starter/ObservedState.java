package io.coapspring.benchmarks.servers.starter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.coapspring.benchmarks.servers.ChangeRuns;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import io.coapspring.observe.CoapNotifier;

/**
 * The observe scenario's state in the starter: a sequence number and the {@link System#nanoTime()} of its last
 * change, served by {@link ObserveCoapController} as {@code "<sequence> <nanoTime>"} and published through the
 * starter's {@link CoapNotifier}, as an application using the starter does.
 * <p>
 * The change runs pace exactly as those of the raw server's
 * {@link io.coapspring.benchmarks.servers.ObservedStateResource}: at a fixed rate, or as fast as the server sends
 * the notifications, the next change once all notifications of the earlier changes and 90% of this one's have
 * left the socket (counted by {@link SentNotifications}), or 1 s at most.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
class ObservedState implements ChangeRuns {

	private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final CoapNotifier notifier;

	private final SentNotifications counter;

	private volatile State state = new State(0, System.nanoTime());

	private volatile long changes;

	private volatile long sentBefore;

	private volatile boolean running;

	/**
	 * Create the state.
	 * @param notifier publishes the changes
	 * @param counter counts the notifications that left the socket
	 */
	ObservedState(CoapNotifier notifier, SentNotifications counter) {
		this.notifier = notifier;
		this.counter = counter;
	}

	/**
	 * Return the current representation.
	 * @return {@code "<sequence> <nanoTime of the change>"}
	 */
	String payload() {
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
		return this.changes + " " + (this.counter.sent() - this.sentBefore) + " "
				+ this.notifier.getObserverCount(ScenarioPaths.OBSERVE) + " " + this.running;
	}

	private void changeLoop(double perSecond, Duration duration) {
		try {
			this.sentBefore = this.counter.sent();
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			long period = (perSecond > 0) ? (long) (1e9 / perSecond) : 0;
			long next = start;
			long count = 0;
			long expected = 0;
			while (System.nanoTime() - end < 0) {
				this.state = new State(this.state.sequence() + 1, System.nanoTime());
				int observers = this.notifier.changed(ScenarioPaths.OBSERVE);
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
					while (this.counter.sent() < target && System.nanoTime() - waitEnd < 0) {
						LockSupport.parkNanos(50_000);
					}
					if (this.counter.sent() < target) {
						// some were dropped or coalesced: count from what was really sent
						expected = this.counter.sent() - this.sentBefore;
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
