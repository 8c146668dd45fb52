package io.coapspring.benchmarks.load;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.springframework.util.Assert;

/**
 * What one closed-loop load run does: which request it sends to which server, how many it keeps in flight
 * over how many source sockets, and for how long at most.
 *
 * @param target the server, on loopback
 * @param request the request template from {@link CoapCodec#request}
 * @param window requests kept in flight (W)
 * @param sockets source sockets the window is spread over
 * @param duration how long new requests are sent
 * @param maxRequests bound on the number of requests sent
 * @param timeout after this a request without response counts as lost (there is no retransmission)
 * @param interval length of the throughput buckets of {@link LoadResult#completedPerInterval()}
 * @param serverPid PID whose CPU time is read from {@code /proc}, or -1
 * @param requestsPerSocket requests a source socket sends before a fresh one replaces it; below 65,536 so
 * that no message ID is reused within the server's EXCHANGE_LIFETIME
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record LoadSpec(InetSocketAddress target, byte[] request, int window, int sockets, Duration duration,
		long maxRequests, Duration timeout, Duration interval, long serverPid, int requestsPerSocket) {

	/** The default of {@link #requestsPerSocket()}. */
	public static final int DEFAULT_REQUESTS_PER_SOCKET = 60_000;

	/**
	 * Check the values.
	 */
	public LoadSpec {
		Assert.isTrue(target.getAddress().isLoopbackAddress(), "'target' must be a loopback address");
		Assert.isTrue(window >= 1, "'window' must be at least 1");
		Assert.isTrue(sockets >= 1, "'sockets' must be at least 1");
		Assert.isTrue(maxRequests >= 1, "'maxRequests' must be at least 1");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(), "'duration' must be positive");
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "'interval' must be positive");
		Assert.isTrue(requestsPerSocket >= 1 && requestsPerSocket < 0x10000,
				"'requestsPerSocket' must be from 1 to 65535");
	}

	/**
	 * A spec with the defaults of a burst run: a 2 s loss timeout (RFC 7252 ACK_TIMEOUT, when a real client
	 * would retransmit), one throughput bucket per second, at most 10 million requests.
	 * @param target the server
	 * @param request the request template
	 * @param window requests in flight
	 * @param sockets source sockets
	 * @param duration how long to send
	 * @param serverPid the server's PID, or -1
	 * @return the spec
	 */
	public static LoadSpec burst(InetSocketAddress target, byte[] request, int window, int sockets,
			Duration duration, long serverPid) {
		return new LoadSpec(target, request, window, sockets, duration, 10_000_000, Duration.ofSeconds(2),
				Duration.ofSeconds(1), serverPid, DEFAULT_REQUESTS_PER_SOCKET);
	}

	/**
	 * Return a copy with another bucket length.
	 * @param interval the bucket length
	 * @return the spec
	 */
	public LoadSpec withInterval(Duration interval) {
		return new LoadSpec(this.target, this.request, this.window, this.sockets, this.duration, this.maxRequests,
				this.timeout, interval, this.serverPid, this.requestsPerSocket);
	}

}
