package io.coapspring.benchmarks.lwm2m;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A closed loop of reads: {@code window} chains, each sending the next read when the previous one answered,
 * round-robin over the registered clients, for a warm-up then a measured interval. Counts the reads that
 * completed within the measured interval.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class ReadLoad {

	private ReadLoad() {
	}

	/**
	 * Run the loop.
	 * @param read sends one read to the given endpoint
	 * @param endpoints the registered endpoint names
	 * @param window how many reads in flight at once
	 * @param warmup how long to read before counting
	 * @param duration how long to count
	 * @return the reads counted and the failures
	 * @throws InterruptedException if interrupted while waiting
	 */
	static Result run(Function<String, CompletableFuture<?>> read, List<String> endpoints, int window,
			Duration warmup, Duration duration) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long measureTo = measureFrom + duration.toNanos();
		AtomicLong completed = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicInteger next = new AtomicInteger();
		CountDownLatch chains = new CountDownLatch(window);
		for (int i = 0; i < window; i++) {
			new Chain(read, endpoints, next, measureFrom, measureTo, completed, failed, chains).send();
		}
		// every chain ends at the first answer after measureTo; a read times out after at most 5 s
		if (!chains.await(warmup.plus(duration).toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("reads still open 30 s after the end of the run");
		}
		return new Result(completed.get(), failed.get(), duration);
	}

	/**
	 * The outcome of one read run.
	 * @param completed successful reads answered within the measured interval
	 * @param failed failed reads (whole run)
	 * @param duration the measured interval
	 */
	record Result(long completed, long failed, Duration duration) {

		double perSecond() {
			return this.completed * 1e3 / this.duration.toMillis();
		}

	}

	private record Chain(Function<String, CompletableFuture<?>> read, List<String> endpoints, AtomicInteger next,
			long measureFrom, long measureTo, AtomicLong completed, AtomicLong failed, CountDownLatch done) {

		void send() {
			String endpoint = this.endpoints.get(Math.floorMod(this.next.getAndIncrement(), this.endpoints.size()));
			CompletableFuture<?> future;
			try {
				future = this.read.apply(endpoint);
			}
			catch (RuntimeException ex) {
				future = CompletableFuture.failedFuture(ex);
			}
			future.whenComplete((value, failure) -> {
				long now = System.nanoTime();
				if (failure != null) {
					this.failed.incrementAndGet();
				}
				else if (now >= this.measureFrom && now < this.measureTo) {
					this.completed.incrementAndGet();
				}
				if (now < this.measureTo && failure == null) {
					send();
				}
				else {
					this.done.countDown();
				}
			});
		}

	}

}
