package io.coapspring.server;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.californium.core.network.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Lets the thread that sends a response run the protocol job that sending schedules, instead of waking a
 * protocol thread for it.
 * <p>
 * Californium processes each exchange serially: a response sent from a thread that is not processing the
 * exchange, such as a handler thread, becomes a job on the exchange's serial executor, and that job is handed
 * to a thread of the server's protocol executor. On a busy server that hand-off (queueing the job and waking a
 * parked thread) costs as much as the handler itself. {@link #send(Exchange, Runnable)} instead lets the
 * sending thread run the job itself, once the serial executor has scheduled it: the serial executor still
 * decides when the job runs and owns the exchange while it does, so the exchange is processed serially as
 * before; only the thread differs. A job the serial executor queues behind another one still runs on the
 * protocol thread that processes the exchange.
 * <p>
 * The protocol executor of every server sharing this hand-off must be {@link #wrap(ScheduledExecutorService)
 * wrapped} by it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ProtocolHandOff {

	/**
	 * The job taken over by the thread that is sending, set while it sends.
	 */
	private final ThreadLocal<@Nullable TakenJob> takenJobs = new ThreadLocal<>();

	/**
	 * Wrap a server's protocol executor, so that a job scheduled during {@link #send(Exchange, Runnable)} runs on
	 * the sending thread.
	 * @param protocolExecutor the server's main executor
	 * @return the executor to give the server instead
	 */
	public ScheduledExecutorService wrap(ScheduledExecutorService protocolExecutor) {
		Assert.notNull(protocolExecutor, "'protocolExecutor' must not be null");
		return new HandOffExecutor(protocolExecutor);
	}

	/**
	 * Send a response of an exchange from a thread that does not process it, running the protocol job that
	 * sends it on this thread, as soon as the exchange's serial executor lets it run.
	 * @param exchange the exchange the response belongs to
	 * @param sending what sends the response, such as {@code () -> exchange.sendResponse(response)}
	 */
	public void send(Exchange exchange, Runnable sending) {
		Assert.notNull(exchange, "'exchange' must not be null");
		Assert.notNull(sending, "'sending' must not be null");
		if (exchange.checkOwner() || this.takenJobs.get() != null) {
			// processing the exchange already (the stack runs here anyway), or within another send on this
			// thread, whose slot takes the job if it is still free
			sending.run();
			return;
		}
		TakenJob taken = new TakenJob();
		this.takenJobs.set(taken);
		try {
			sending.run();
		}
		finally {
			this.takenJobs.remove();
			// the serial executor considers the job scheduled: it must run, whatever happened meanwhile
			Runnable job = taken.job;
			if (job != null) {
				job.run();
			}
		}
	}

	private boolean takeOver(Runnable job) {
		TakenJob taken = this.takenJobs.get();
		if (taken == null || taken.job != null) {
			return false;
		}
		taken.job = job;
		return true;
	}

	private static final class TakenJob {

		@Nullable Runnable job;

	}

	/**
	 * A protocol executor that leaves the one job the sending thread takes over to that thread.
	 */
	private final class HandOffExecutor implements ScheduledExecutorService {

		private final ScheduledExecutorService delegate;

		HandOffExecutor(ScheduledExecutorService delegate) {
			this.delegate = delegate;
		}

		@Override
		public void execute(Runnable command) {
			if (!takeOver(command)) {
				this.delegate.execute(command);
			}
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			return this.delegate.schedule(command, delay, unit);
		}

		@Override
		public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
			return this.delegate.schedule(callable, delay, unit);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
				TimeUnit unit) {
			return this.delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
				TimeUnit unit) {
			return this.delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
		}

		@Override
		public void shutdown() {
			this.delegate.shutdown();
		}

		@Override
		public List<Runnable> shutdownNow() {
			return this.delegate.shutdownNow();
		}

		@Override
		public boolean isShutdown() {
			return this.delegate.isShutdown();
		}

		@Override
		public boolean isTerminated() {
			return this.delegate.isTerminated();
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
			return this.delegate.awaitTermination(timeout, unit);
		}

		@Override
		public <T> Future<T> submit(Callable<T> task) {
			return this.delegate.submit(task);
		}

		@Override
		public <T> Future<T> submit(Runnable task, T result) {
			return this.delegate.submit(task, result);
		}

		@Override
		public Future<?> submit(Runnable task) {
			return this.delegate.submit(task);
		}

		@Override
		public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
			return this.delegate.invokeAll(tasks);
		}

		@Override
		public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
				throws InterruptedException {
			return this.delegate.invokeAll(tasks, timeout, unit);
		}

		@Override
		public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
				throws InterruptedException, ExecutionException {
			return this.delegate.invokeAny(tasks);
		}

		@Override
		public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
				throws InterruptedException, ExecutionException, TimeoutException {
			return this.delegate.invokeAny(tasks, timeout, unit);
		}

		@Override
		public String toString() {
			return "HandOffExecutor[" + this.delegate + "]";
		}

	}

}
