package io.coapspring.benchmarks.servers;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.autoconfigure.CoapProperties;

/**
 * The executor a raw Californium server runs its resources on, for the like-for-like comparison with the
 * starter's default handler methods: the same kind and size as the starter's handler executor with default
 * {@code coap.server.executor.*} properties, written as a Californium user writes it.
 * <p>
 * With platform threads (the starter's default): a {@link ThreadPoolExecutor} of
 * {@code coap.server.executor.max-threads} threads (32) with a queue of
 * {@code coap.server.executor.queue-capacity} tasks (1,000) and the keep-alive of
 * {@code coap.server.executor.keep-alive} (60 s), core threads included, as the starter's
 * {@code CoapHandlerExecutor.threadPool} creates it. With {@code spring.threads.virtual.enabled=true} (a JVM
 * system property; the harness sets it on every Java server with {@code --virtual-threads}): a new virtual thread
 * per task, as the starter's executor then runs handler methods (Java 21 or later).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class HandlerExecutors {

	/** The system property (and Spring Boot property) that turns virtual threads on. */
	public static final String VIRTUAL_THREADS_PROPERTY = "spring.threads.virtual.enabled";

	private HandlerExecutors() {
	}

	/**
	 * Create the executor: virtual threads when the {@link #VIRTUAL_THREADS_PROPERTY} system property is
	 * {@code true}, otherwise a pool sized as the starter's default.
	 * @return a new executor; the caller shuts it down
	 */
	public static ExecutorService likeTheStarter() {
		return likeTheStarter(Boolean.getBoolean(VIRTUAL_THREADS_PROPERTY));
	}

	/**
	 * Create the executor.
	 * @param virtualThreads whether to run each task on a new virtual thread (Java 21 or later) rather than on
	 * a pool sized as the starter's default
	 * @return a new executor; the caller shuts it down
	 * @throws IllegalStateException if virtual threads are asked for before Java 21
	 */
	public static ExecutorService likeTheStarter(boolean virtualThreads) {
		return virtualThreads ? virtualThreadPerTask() : starterSizedPool();
	}

	/**
	 * Create a pool of platform threads of the starter's default size.
	 * @return a new pool
	 */
	public static ThreadPoolExecutor starterSizedPool() {
		CoapProperties.Executor defaults = new CoapProperties().getServer().getExecutor();
		AtomicInteger number = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(defaults.getMaxThreads(), defaults.getMaxThreads(),
				defaults.getKeepAlive().toNanos(), TimeUnit.NANOSECONDS,
				new LinkedBlockingQueue<>(defaults.getQueueCapacity()),
				(task) -> new Thread(task, "raw-handler-" + number.incrementAndGet()));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	// Executors.newVirtualThreadPerTaskExecutor() is Java 21; this module is compiled for Java 17
	private static ExecutorService virtualThreadPerTask() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(VIRTUAL_THREADS_PROPERTY + "=true needs Java 21 or later, this is Java "
					+ Runtime.version(), ex);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot create a virtual-thread executor", ex);
		}
	}

}
