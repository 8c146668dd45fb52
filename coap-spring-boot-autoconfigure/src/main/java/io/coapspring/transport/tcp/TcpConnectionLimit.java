package io.coapspring.transport.tcp;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.util.Assert;

/**
 * The total bound on the connections an endpoint keeps open, shared by all of them: a connection beyond it is
 * answered with a CSM and an Abort naming the reason, then closed.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class TcpConnectionLimit {

	private final int maxConnections;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	/**
	 * Create a limit.
	 * @param maxConnections the largest number of connections open at the same time, at least 1
	 */
	public TcpConnectionLimit(int maxConnections) {
		Assert.isTrue(maxConnections > 0, "'maxConnections' must be positive");
		this.maxConnections = maxConnections;
	}

	/**
	 * Take one connection from the limit.
	 * @return {@code false} if the limit is reached, counted as a refused connection
	 */
	public boolean tryAcquire() {
		while (true) {
			int current = this.open.get();
			if (current >= this.maxConnections) {
				this.refused.incrementAndGet();
				return false;
			}
			if (this.open.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	/**
	 * Give back a connection taken with {@link #tryAcquire()}, once it is closed.
	 */
	public void release() {
		this.open.decrementAndGet();
	}

	/**
	 * Return the largest number of connections open at the same time.
	 * @return the limit
	 */
	public int getMaxConnections() {
		return this.maxConnections;
	}

	/**
	 * Return the number of connections open now.
	 * @return the open connections
	 */
	public int getOpenConnections() {
		return this.open.get();
	}

	/**
	 * Return the number of connections refused because the limit was reached.
	 * @return the refused connections
	 */
	public int getRefusedConnections() {
		return this.refused.get();
	}

}
