package io.coapspring.server.handler;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.Assert;

/**
 * Runs handler methods, so that they never block Californium's protocol threads.
 * <p>
 * Deliberately not a {@link Executor} itself: an {@code Executor} bean would make Spring Boot back off from its
 * {@code applicationTaskExecutor}. Wrap any executor with {@link #CoapHandlerExecutor(Executor)} to use it (the
 * application's task executor, for instance), or let {@link #threadPool} and {@link #virtualThreads} create one
 * that this object owns and shuts down when it is destroyed.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerExecutor implements DisposableBean {

	private final Executor executor;

	private final @Nullable Runnable shutdown;

	private final LongAdder rejected = new LongAdder();

	/**
	 * Run handler methods on an executor that someone else owns and shuts down.
	 * @param executor the executor
	 */
	public CoapHandlerExecutor(Executor executor) {
		this(executor, null);
	}

	private CoapHandlerExecutor(Executor executor, @Nullable Runnable shutdown) {
		Assert.notNull(executor, "'executor' must not be null");
		this.executor = executor;
		this.shutdown = shutdown;
	}

	/**
	 * Create an executor with its own pool of platform threads: a plain {@link ThreadPoolExecutor}, which hands
	 * a task over with one queue insertion (Spring's {@code ThreadPoolTaskExecutor} adds a lock around every
	 * task for its pause and resume, which no CoAP request needs).
	 * @param maxThreads the largest number of handler methods running at once
	 * @param queueCapacity the number of tasks that may wait for a thread; beyond it tasks are rejected
	 * @param keepAlive the idle time after which a thread ends
	 * @param threadNamePrefix the prefix of the thread names
	 * @param awaitTermination how long {@link #destroy()} waits for running tasks
	 * @return an executor that owns its pool
	 */
	public static CoapHandlerExecutor threadPool(int maxThreads, int queueCapacity, Duration keepAlive,
			String threadNamePrefix, Duration awaitTermination) {
		AtomicInteger threadNumber = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, keepAlive.toNanos(),
				TimeUnit.NANOSECONDS, queue(queueCapacity), (runnable) -> {
					Thread thread = new Thread(runnable, threadNamePrefix + threadNumber.incrementAndGet());
					thread.setDaemon(false);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return new CoapHandlerExecutor(pool, () -> shutdown(pool, awaitTermination));
	}

	// without capacity, a task is handed straight to an idle thread or rejected
	private static BlockingQueue<Runnable> queue(int capacity) {
		return (capacity > 0) ? new LinkedBlockingQueue<>(capacity) : new SynchronousQueue<>();
	}

	private static void shutdown(ThreadPoolExecutor pool, Duration awaitTermination) {
		pool.shutdown();
		try {
			if (!pool.awaitTermination(awaitTermination.toNanos(), TimeUnit.NANOSECONDS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Create an executor that runs each handler method on a new virtual thread (Java 21 or later).
	 * @param threadNamePrefix the prefix of the thread names
	 * @param awaitTermination how long {@link #destroy()} waits for running tasks
	 * @return an executor that owns its threads
	 */
	public static CoapHandlerExecutor virtualThreads(String threadNamePrefix, Duration awaitTermination) {
		SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor(threadNamePrefix);
		virtual.setVirtualThreads(true);
		virtual.setTaskTerminationTimeout(awaitTermination.toMillis());
		return new CoapHandlerExecutor(virtual, virtual::close);
	}

	/**
	 * Run a task.
	 * @param task the task
	 * @throws RejectedExecutionException if the executor cannot take it
	 */
	public void execute(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			this.rejected.increment();
			throw ex;
		}
	}

	/**
	 * Return how many tasks the executor refused, for instance because its queue was full.
	 * @return the number of rejected tasks since this object was created
	 */
	public long rejectedCount() {
		return this.rejected.sum();
	}

	/**
	 * Return the executor the tasks run on.
	 * @return the executor
	 */
	public Executor getExecutor() {
		return this.executor;
	}

	/**
	 * Shut the executor down if this object created it, waiting for running tasks up to the configured time.
	 */
	@Override
	public void destroy() {
		if (this.shutdown != null) {
			this.shutdown.run();
		}
	}

}
