package io.coapspring.server;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * Sends the empty ACK of a CON request whose handler has not answered within the piggyback time
 * ({@code coap.network.piggyback-reply}), so the client stops retransmitting and the response follows as a
 * separate CON message, retransmitted by Californium until acknowledged (RFC 7252 section 5.2.2).
 * <p>
 * Whichever comes first wins: a response sent before the empty ACK is piggybacked on the ACK, a response sent
 * after it is separate; Californium acknowledges a request once only.
 * <p>
 * Every request of a server goes through here, so starting and cancelling cost no more than appending to and
 * flagging an entry of a lock-free queue: all entries have the same delay, so the queue is ordered by deadline,
 * and one sweeper thread, running only while entries are pending, takes the expired ones from its head every
 * tick (a fifth of the piggyback time, between 1 and 10 ms). An empty ACK therefore leaves at most one tick after
 * the piggyback time, far inside the 2 s after which a client retransmits.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPiggybackTimer implements DisposableBean {

	private static final Log logger = LogFactory.getLog(CoapPiggybackTimer.class);

	private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final long delayNanos;

	private final long tickNanos;

	private final Queue<PendingAck> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final ScheduledThreadPoolExecutor scheduler;

	/**
	 * Create a timer.
	 * @param piggybackReply how long a handler may take before the empty ACK is sent; zero to send it at once
	 */
	public CoapPiggybackTimer(Duration piggybackReply) {
		Assert.notNull(piggybackReply, "'piggybackReply' must not be null");
		Assert.isTrue(!piggybackReply.isNegative(), "'piggybackReply' must not be negative");
		this.delayNanos = piggybackReply.toNanos();
		this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, this.delayNanos / 5));
		this.scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "coap-piggyback-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Start the timer of an exchange.
	 * @param exchange the exchange of a request about to be handled
	 * @return a handle to cancel once the response is sent, or {@code null} if no empty ACK will be needed
	 */
	public @Nullable PendingAck start(Exchange exchange) {
		Request current = exchange.getCurrentRequest();
		if (!current.isConfirmable() || current.isAcknowledged() || current.isMulticast()) {
			return null;
		}
		if (this.delayNanos == 0) {
			exchange.sendAccept();
			return null;
		}
		PendingAck ack = new PendingAck(exchange, System.nanoTime() + this.delayNanos);
		this.pending.offer(ack);
		if (!this.sweeping.get() && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
		return ack;
	}

	/**
	 * Return the number of timers started and neither expired nor swept away after their cancellation yet.
	 * @return the number of queued timers
	 */
	public int pendingCount() {
		return this.pending.size();
	}

	private void scheduleSweep() {
		if (this.scheduler.isShutdown()) {
			return;
		}
		this.scheduler.schedule(this::sweep, this.tickNanos, TimeUnit.NANOSECONDS);
	}

	// the only consumer of the queue: producers append at its tail, so the head it peeks is the head it polls
	private void sweep() {
		long now = System.nanoTime();
		PendingAck head;
		while ((head = this.pending.peek()) != null && (head.isCancelled() || now - head.deadline >= 0)) {
			this.pending.poll();
			head.fire();
		}
		if (!this.pending.isEmpty()) {
			scheduleSweep();
			return;
		}
		this.sweeping.set(false);
		// a timer started between the emptiness check and the reset must not wait for the next start
		if (!this.pending.isEmpty() && this.sweeping.compareAndSet(false, true)) {
			scheduleSweep();
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		this.pending.clear();
	}

	/**
	 * The timer of one exchange: sends its empty ACK when it expires, unless cancelled first.
	 */
	public static final class PendingAck {

		private final Exchange exchange;

		private final long deadline;

		private volatile boolean cancelled;

		PendingAck(Exchange exchange, long deadline) {
			this.exchange = exchange;
			this.deadline = deadline;
		}

		/**
		 * Cancel the timer, because the response is being sent.
		 */
		public void cancel() {
			this.cancelled = true;
		}

		/**
		 * Return whether the timer was cancelled.
		 * @return {@code true} once {@link #cancel()} was called
		 */
		public boolean isCancelled() {
			return this.cancelled;
		}

		void fire() {
			if (this.cancelled) {
				return;
			}
			try {
				this.exchange.sendAccept();
			}
			catch (RuntimeException ex) {
				// one exchange that cannot be acknowledged must not stop the timers of the others
				logger.warn("Could not send the empty ACK of " + this.exchange.getCurrentRequest(), ex);
			}
		}

	}

}
