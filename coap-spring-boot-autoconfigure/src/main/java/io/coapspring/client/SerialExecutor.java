package io.coapspring.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks one at a time, in submission order, on a delegate executor.
 *
 * @author CoAP Spring Boot team
 */
final class SerialExecutor implements Executor {

	private static final Log logger = LogFactory.getLog(SerialExecutor.class);

	private final Executor delegate;

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private boolean running;

	SerialExecutor(Executor delegate) {
		this.delegate = delegate;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (this.tasks) {
			this.tasks.add(task);
			if (this.running) {
				return;
			}
			this.running = true;
		}
		try {
			this.delegate.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			synchronized (this.tasks) {
				this.tasks.clear();
				this.running = false;
			}
			logger.debug("Dropped callbacks of a CoAP client that is shut down", ex);
		}
	}

	private void drain() {
		while (true) {
			Runnable next = next();
			if (next == null) {
				return;
			}
			try {
				next.run();
			}
			catch (RuntimeException | Error ex) {
				logger.warn("CoAP client callback failed", ex);
			}
		}
	}

	private @Nullable Runnable next() {
		synchronized (this.tasks) {
			Runnable next = this.tasks.poll();
			if (next == null) {
				this.running = false;
			}
			return next;
		}
	}

}
