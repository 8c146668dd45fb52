package io.coapspring.oscore;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.EndpointContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Bounds the work, and the log output, that bad OSCORE requests cause: counts, per source IP address, the
 * protected requests the OSCORE layer rejects (replay, decryption failure, unknown context, malformed option),
 * and once a source reaches {@code maxFailures} rejections within {@code window}, drops its further protected
 * requests, without an answer and before the OSCORE layer decrypts them, until the window that began with its
 * first counted rejection has passed. Requests without the OSCORE option are never dropped.
 * <p>
 * At most {@code maxTrackedSources} sources are tracked: when full, the least recently seen one is forgotten.
 * The {@link OscoreServerStackFactory} puts it in the CoAP stack below the OSCORE layer, so that a request is
 * checked in the same task that decrypts it: the count is exact on one protocol thread, and exceeds
 * {@code maxFailures} by at most the number of other protocol threads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreFailureLimiter {

	private final int maxFailures;

	private final long windowNanos;

	private final OscoreCounters counters;

	private final LongSupplier nanoTime;

	private final Map<InetAddress, Failures> sources;

	/**
	 * Create a limiter.
	 * @param maxFailures the rejections of a source within the window after which its protected requests are
	 * dropped
	 * @param window the window
	 * @param maxTrackedSources the most sources tracked at once
	 * @param counters the counters of dropped requests
	 */
	public OscoreFailureLimiter(int maxFailures, Duration window, int maxTrackedSources, OscoreCounters counters) {
		this(maxFailures, window, maxTrackedSources, counters, System::nanoTime);
	}

	OscoreFailureLimiter(int maxFailures, Duration window, int maxTrackedSources, OscoreCounters counters,
			LongSupplier nanoTime) {
		Assert.isTrue(maxFailures > 0, "'maxFailures' must be positive");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "'window' must be positive");
		Assert.isTrue(maxTrackedSources > 0, "'maxTrackedSources' must be positive");
		Assert.notNull(counters, "'counters' must not be null");
		this.maxFailures = maxFailures;
		this.windowNanos = window.toNanos();
		this.counters = counters;
		this.nanoTime = nanoTime;
		this.sources = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
				return size() > maxTrackedSources;
			}

		};
	}

	/**
	 * Decide whether to drop a request before the OSCORE layer sees it, and count it if so.
	 * @param request a received request
	 * @return whether it carries the OSCORE option and comes from a source that exceeded the limit
	 */
	public boolean drop(Request request) {
		if (!request.getOptions().hasOscore()) {
			return false;
		}
		InetAddress source = address(request.getSourceContext());
		if (source != null && isThrottled(source)) {
			this.counters.throttled();
			return true;
		}
		return false;
	}

	/**
	 * Count the response if it is the OSCORE layer's rejection of a request.
	 * @param response a response about to be sent
	 */
	public void sent(Response response) {
		if (OscoreRejection.of(response) == null) {
			return;
		}
		InetAddress destination = address(response.getDestinationContext());
		if (destination != null) {
			failed(destination);
		}
	}

	/**
	 * Return how many sources are tracked.
	 * @return the count, at most the {@code maxTrackedSources} of the constructor
	 */
	public synchronized int getTrackedSources() {
		return this.sources.size();
	}

	private synchronized boolean isThrottled(InetAddress source) {
		Failures failures = this.sources.get(source);
		return failures != null && this.nanoTime.getAsLong() - failures.start < this.windowNanos
				&& failures.count >= this.maxFailures;
	}

	private synchronized void failed(InetAddress source) {
		long now = this.nanoTime.getAsLong();
		Failures failures = this.sources.get(source);
		if (failures == null || now - failures.start >= this.windowNanos) {
			failures = new Failures(now);
			this.sources.put(source, failures);
		}
		failures.count++;
	}

	private static @Nullable InetAddress address(@Nullable EndpointContext context) {
		InetSocketAddress peer = (context != null) ? context.getPeerAddress() : null;
		return (peer != null) ? peer.getAddress() : null;
	}

	private static final class Failures {

		private final long start;

		private int count;

		Failures(long start) {
			this.start = start;
		}

	}

}
