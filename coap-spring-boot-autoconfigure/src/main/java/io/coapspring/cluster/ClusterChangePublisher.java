package io.coapspring.cluster;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Publishes the changes signalled on this node to the other nodes, on the cluster's Redis channel
 * {@code <key-prefix>changes}. Publishing happens on one thread of its own, off the caller's, so that a slow or
 * absent Redis never blocks the application: at most {@code capacity} changes wait, further ones are dropped and
 * counted, and so are those Redis refused. Redis pub/sub delivers at most once: a node that is not subscribed
 * when a change is published misses it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ClusterChangePublisher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ClusterChangePublisher.class);

	private final RedisConnectionFactory connectionFactory;

	private final CoapClusterNode node;

	private final byte[] channel;

	private final ThreadPoolExecutor executor;

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	/**
	 * Create a publisher.
	 * @param connectionFactory the connections to Redis
	 * @param node this node
	 * @param capacity how many changes may wait to be published, at least 1
	 */
	public ClusterChangePublisher(RedisConnectionFactory connectionFactory, CoapClusterNode node, int capacity) {
		Assert.notNull(connectionFactory, "'connectionFactory' must not be null");
		Assert.notNull(node, "'node' must not be null");
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		this.connectionFactory = connectionFactory;
		this.node = node;
		this.channel = channel(node).getBytes(StandardCharsets.UTF_8);
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
				new CustomizableThreadFactory("coap-cluster-publish-"), (task, executor) -> drop());
	}

	/**
	 * Return the channel the changes of a cluster are published on.
	 * @param node a node of the cluster
	 * @return the channel name
	 */
	public static String channel(CoapClusterNode node) {
		return node.key("changes");
	}

	/**
	 * Publish a change signalled on this node, asynchronously.
	 * @param uriOrPattern the changed URI or pattern
	 */
	public void publish(String uriOrPattern) {
		byte[] message = new ClusterChange(this.node.id(), uriOrPattern).encode();
		this.executor.execute(() -> send(message));
	}

	private void send(byte[] message) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.publish(this.channel, message);
			this.published.incrementAndGet();
		}
		catch (RuntimeException ex) {
			long count = this.failed.incrementAndGet();
			if (count == 1 || count % 1000 == 0) {
				logger.warn("Could not publish a change to the other nodes (" + count + " so far): " + ex);
			}
		}
	}

	private void drop() {
		long count = this.dropped.incrementAndGet();
		if (count == 1 || count % 1000 == 0) {
			logger.warn("Changes for the other nodes are dropped: the queue of " + this.executor.getQueue().size()
					+ " is full (" + count + " dropped so far); see coap.cluster.notifier.queue-capacity");
		}
	}

	/**
	 * Return how many changes were published.
	 * @return the count
	 */
	public long getPublished() {
		return this.published.get();
	}

	/**
	 * Return how many changes were dropped because the queue was full.
	 * @return the count
	 */
	public long getDropped() {
		return this.dropped.get();
	}

	/**
	 * Return how many changes Redis did not take.
	 * @return the count
	 */
	public long getFailed() {
		return this.failed.get();
	}

	/**
	 * Return how many changes wait to be published.
	 * @return the count
	 */
	public int getQueued() {
		return this.executor.getQueue().size();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(2, TimeUnit.SECONDS)) {
			this.executor.shutdownNow();
		}
	}

}
