package io.coapspring.rd.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Removes expired registrations at a fixed interval, on a thread of its own, while the application runs.
 * Lookups never show an expired registration even between two sweeps.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdExpiry implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RdExpiry.class);

	private final DefaultResourceDirectory directory;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create the sweeper.
	 * @param directory the directory
	 * @param interval the time between two sweeps
	 */
	public RdExpiry(DefaultResourceDirectory directory, Duration interval) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(),
				"'interval' must be positive");
		this.directory = directory;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "coap-rd-expiry");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.interval.toMillis();
			executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
			this.executor = executor;
		}
	}

	private void sweep() {
		try {
			int expired = this.directory.expire();
			if (expired > 0 && logger.isDebugEnabled()) {
				logger.debug("Resource directory: " + expired + " registration(s) expired");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Resource directory expiry failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
