package io.coapspring.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
 * as the observe relation lasts, neither of which must hold up a shutdown. Settled exchanges are forgotten in
 * amortized constant time.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestGate {

	private static final int MIN_PRUNE_THRESHOLD = 256;

	private static final long POLL_INTERVAL_MILLIS = 10;

	private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();

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
		this.inFlight.add(exchange);
		if (this.inFlight.size() > this.pruneThreshold) {
			prune();
		}
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

	private static boolean isSettled(Exchange exchange) {
		if (exchange.isComplete()) {
			return true;
		}
		Response response = exchange.getCurrentResponse();
		return response != null && isSettled(response);
	}

	/**
	 * Return whether a response is settled: sent (NON and piggybacked responses), acknowledged (CON responses),
	 * or given up (rejected, timed out, cancelled, failed).
	 * @param response the response
	 * @return {@code true} if nothing more will happen to it
	 */
	static boolean isSettled(Response response) {
		if (response.isCanceled() || response.isRejected() || response.isTimedOut()
				|| response.getSendError() != null) {
			return true;
		}
		return (response.getType() == Type.CON) ? response.isAcknowledged() : response.isSent();
	}

	private int prune() {
		this.inFlight.removeIf(CoapRequestGate::isSettled);
		int remaining = this.inFlight.size();
		this.pruneThreshold = Math.max(MIN_PRUNE_THRESHOLD, remaining * 2);
		return remaining;
	}

}
