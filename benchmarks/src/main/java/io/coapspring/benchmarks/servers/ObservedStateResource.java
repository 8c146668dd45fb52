package io.coapspring.benchmarks.servers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * The observe scenario's resource: its state is a sequence number and the {@link System#nanoTime()} of its
 * last change, sent as {@code "<sequence> <nanoTime>"}. Notifications are NON, with Californium's periodic CON
 * check ({@code NOTIFICATION_CHECK_INTERVAL_COUNT}).
 * <p>
 * {@link #startChanging} changes the state in a background thread, either at a fixed rate or as fast as the
 * server sends the notifications: in that mode the next change is made once the notifications of the previous
 * one have left the socket (counted by a message observer's {@code onSent}: all notifications of the earlier
 * changes and 90% of this one's, or 1 s at most), so the protocol stage's and the connector's queues stay
 * bounded, as an application that watches its own back-pressure would do.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ObservedStateResource extends CoapResource implements ChangeRuns {

	private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final SentCounter counter = new SentCounter();

	private volatile State state = new State(0, System.nanoTime());

	private volatile long changes;

	private volatile long sentBefore;

	private volatile boolean running;

	/**
	 * Create the resource at {@link ScenarioPaths#OBSERVE}.
	 */
	public ObservedStateResource() {
		super(ScenarioPaths.OBSERVE.substring(1));
		setObservable(true);
		setObserveType(Type.NON);
		getAttributes().setObservable();
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		State current = this.state;
		Response response = new Response(ResponseCode.CONTENT);
		response.setPayload(current.sequence() + " " + current.changedAt());
		response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		response.addMessageObserver(this.counter);
		exchange.respond(response);
	}

	/**
	 * Start a change run in a background thread, unless one is running.
	 * @param perSecond changes per second, 0 for as fast as the notifications are sent
	 * @param duration how long to change
	 * @return {@code false} if a run is already in progress
	 */
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

	/**
	 * Return the statistics of the last change run.
	 * @return {@code "<changes> <responses sent since the run started> <observers> <running>"}
	 */
	@Override
	public String stats() {
		return this.changes + " " + (this.counter.sent() - this.sentBefore) + " " + getObserverCount() + " "
				+ this.running;
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
				int observers = getObserverCount();
				expected += observers;
				this.state = new State(this.state.sequence() + 1, System.nanoTime());
				changed();
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

	/**
	 * Counts the responses of this resource that left the socket.
	 */
	private static final class SentCounter extends MessageObserverAdapter {

		private final LongAdder sent = new LongAdder();

		@Override
		public void onSent(boolean retransmission) {
			if (!retransmission) {
				this.sent.increment();
			}
		}

		long sent() {
			return this.sent.sum();
		}

	}

}
