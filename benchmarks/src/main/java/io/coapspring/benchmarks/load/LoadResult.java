package io.coapspring.benchmarks.load;

import java.util.List;

/**
 * The outcome of one load run.
 *
 * @param sent requests sent
 * @param completed requests answered with a 2.xx response
 * @param errors requests answered with another response code (or reset)
 * @param lost requests without any response within the timeout
 * @param unmatched responses that matched no request in flight (late, duplicated or foreign)
 * @param separate requests answered by an empty ACK and a separate response
 * @param firstError the first non-2.xx code seen, e.g. {@code "4.04"}, or empty
 * @param seconds wall time from the first send to the last response (or timeout)
 * @param p50Micros median latency in microseconds
 * @param p99Micros 99th percentile latency
 * @param p999Micros 99.9th percentile latency
 * @param maxMicros largest latency
 * @param serverCpuSeconds user plus system CPU seconds of the server process during the run, or -1
 * @param completedPerInterval completed requests per interval of the spec, in order
 * @param clientCpuSeconds CPU seconds of the load generator's own process during the run, or -1
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record LoadResult(long sent, long completed, long errors, long lost, long unmatched, long separate,
		String firstError, double seconds, double p50Micros, double p99Micros, double p999Micros,
		double maxMicros, double serverCpuSeconds, List<Long> completedPerInterval, double clientCpuSeconds) {

	/**
	 * Completed requests per second.
	 * @return the throughput
	 */
	public double requestsPerSecond() {
		return (this.seconds > 0) ? this.completed / this.seconds : 0;
	}

	/**
	 * Server CPU seconds per 10,000 completed requests.
	 * @return the cost, or -1 when unknown
	 */
	public double cpuSecondsPer10k() {
		return (this.serverCpuSeconds < 0 || this.completed == 0) ? -1
				: this.serverCpuSeconds * 10_000 / this.completed;
	}

	/**
	 * Lost requests as a fraction of those sent.
	 * @return 0 to 1
	 */
	public double lossRatio() {
		return (this.sent == 0) ? 0 : (double) this.lost / this.sent;
	}

	@Override
	public String toString() {
		return String.format(
				"%,.0f req/s, p50 %.0f us, p99 %.0f us, p99.9 %.0f us, sent %d, ok %d, errors %d%s, lost %d, "
						+ "unmatched %d, separate %d, server cpu %.3f s/10k, client cpu %.0f%% of a core",
				requestsPerSecond(), this.p50Micros, this.p99Micros, this.p999Micros, this.sent, this.completed,
				this.errors, this.firstError.isEmpty() ? "" : " (" + this.firstError + ")", this.lost,
				this.unmatched, this.separate, cpuSecondsPer10k(),
				(this.seconds > 0 && this.clientCpuSeconds >= 0) ? 100 * this.clientCpuSeconds / this.seconds : -1.0);
	}

}
