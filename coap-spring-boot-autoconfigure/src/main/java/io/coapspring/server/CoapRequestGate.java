package io.coapspring.server;

import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;

/**
 * Admits inbound requests while the server is accepting and remembers the exchanges in flight, so that a
 * graceful shutdown can wait until every request a client already sent, including those whose separate
 * response is still pending, has been answered.
 * <p>
 * An exchange is in flight from its delivery until its response is settled: sent (NON and piggybacked
 * responses), acknowledged (separate CON responses), or given up (rejected, timed out, canceled, failed). This
 * is checked on the response rather than with {@link Exchange#isComplete()}: Californium never marks the
 * exchange of an acknowledged separate CON response complete, and keeps an observed exchange open for as long
 * as the observe relation lasts, neither of which must hold up a shutdown.
 * <p>
 * Every request passes here, so admission costs an append to a lock-free queue and a look at its head:
 * exchanges mostly settle in the order they came, so each admission forgets up to two settled exchanges from
 * the head, and when an unsettled one holds the head up (a slow handler, a pending separate response) a full
 * pass forgets the settled ones behind it once the queue has doubled. Settled exchanges are thus forgotten in
 * amortized constant time, by one thread at a time.
 * <p>
 * A request that came through a multicast group or carries a No-Response option may get no response at all:
 * Californium drops suppressed responses without a trace. The server's own code completes such exchanges
 * ({@link UnansweredExchanges}); for any other resource, such an exchange without a response counts as settled
 * a minute after its admission, so that it is neither waited for nor remembered for ever.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestGate {

	private static final int MIN_PRUNE_THRESHOLD = 256;

	private static final int HEAD_CHECKS = 2;

	private static final long POLL_INTERVAL_MILLIS = 10;

	private static final long UNANSWERED_HOLD_NANOS = TimeUnit.MINUTES.toNanos(1);

	/**
	 * Admitted exchanges, in the order of their admission.
	 */
	private final Queue<Admission> inFlight = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlightSize = new AtomicInteger();

	private final AtomicBoolean pruning = new AtomicBoolean();

	private final LongAdder refused = new LongAdder();

	private volatile boolean accepting = true;

	private volatile int pruneThreshold = MIN_PRUNE_THRESHOLD;

	/**
	 * Return whether new requests are admitted.
	 * @return {@code false} once {@link #stopAccepting()} was called
	 */
	public boolean isAccepting() {
		return this.accepting;
	}

	/**
	 * Open the gate again, for a server that is restarted.
	 */
	public void startAccepting() {
		this.accepting = true;
	}

	/**
	 * Refuse new requests from now on; in-flight exchanges continue.
	 */
	public void stopAccepting() {
		this.accepting = false;
	}

	/**
	 * Record an admitted exchange as in flight.
	 * @param exchange the exchange of an inbound request
	 */
	public void admitted(Exchange exchange) {
		this.inFlight.offer(new Admission(exchange, System.nanoTime()));
		int size = this.inFlightSize.incrementAndGet();
		if (this.pruning.compareAndSet(false, true)) {
			try {
				long now = System.nanoTime();
				pruneHead(now);
				if (size > this.pruneThreshold) {
					pruneAll(now);
				}
			}
			finally {
				this.pruning.set(false);
			}
		}
	}

	/**
	 * Record an exchange refused because the gate was closed.
	 * @param exchange the exchange of an inbound request
	 */
	public void refused(Exchange exchange) {
		this.refused.increment();
	}

	/**
	 * Return how many requests were refused because the gate was closed.
	 * @return the number of refused requests since the gate was created
	 */
	public long refusedCount() {
		return this.refused.sum();
	}

	/**
	 * Return the number of admitted exchanges not yet complete.
	 * @return the in-flight count
	 */
	public int inFlightCount() {
		return prune();
	}

	/**
	 * Wait until no admitted exchange is in flight.
	 * @param timeout the longest time to wait
	 * @return {@code true} if every exchange completed in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitInFlight(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (prune() > 0) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS);
		}
		return true;
	}

	private static boolean isSettled(Exchange exchange, long admitted, long now) {
		if (exchange.isComplete()) {
			return true;
		}
		Response response = exchange.getCurrentResponse();
		if (response == null) {
			return UnansweredExchanges.mayGoUnanswered(exchange.getRequest())
					&& now - admitted > UNANSWERED_HOLD_NANOS;
		}
		return isSettled(response);
	}

	/**
	 * Return whether a response is settled: sent (NON and piggybacked responses), acknowledged (CON responses),
	 * or given up (rejected, timed out, cancelled, failed).
	 * @param response the response
	 * @return {@code true} if nothing more will happen to it
	 */
	public static boolean isSettled(Response response) {
		if (response.isCanceled() || response.isRejected() || response.isTimedOut()
				|| response.getSendError() != null) {
			return true;
		}
		return (response.getType() == Type.CON) ? response.isAcknowledged() : response.isSent();
	}

	/**
	 * Forget every settled exchange, unless another thread is pruning already.
	 * @return the number of exchanges still in flight; while another thread prunes, an upper bound of it
	 */
	private int prune() {
		if (!this.pruning.compareAndSet(false, true)) {
			return this.inFlightSize.get();
		}
		try {
			return pruneAll(System.nanoTime());
		}
		finally {
			this.pruning.set(false);
		}
	}

	// with the pruning flag held: the only thread that removes, so the head it peeks is the head it polls
	private void pruneHead(long now) {
		for (int i = 0; i < HEAD_CHECKS; i++) {
			Admission head = this.inFlight.peek();
			if (head == null || !isSettled(head.exchange(), head.admittedNanos(), now)) {
				return;
			}
			this.inFlight.poll();
			this.inFlightSize.decrementAndGet();
		}
	}

	// with the pruning flag held
	private int pruneAll(long now) {
		for (Iterator<Admission> iterator = this.inFlight.iterator(); iterator.hasNext();) {
			Admission admission = iterator.next();
			if (isSettled(admission.exchange(), admission.admittedNanos(), now)) {
				iterator.remove();
				this.inFlightSize.decrementAndGet();
			}
		}
		int remaining = this.inFlightSize.get();
		this.pruneThreshold = Math.max(MIN_PRUNE_THRESHOLD, remaining * 2);
		return remaining;
	}

	/**
	 * An admitted exchange and its admission time in {@link System#nanoTime()}.
	 */
	private record Admission(Exchange exchange, long admittedNanos) {
	}

}
