package io.coapspring.cluster;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.util.Assert;

/**
 * Receives the changes published by the nodes of the cluster and has this node's observers served; the node's
 * own changes, echoed by Redis, are ignored since they were served when signalled. A message that is not a
 * change, or names a malformed pattern, is counted and ignored.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ClusterChangeListener implements MessageListener {

	private static final Log logger = LogFactory.getLog(ClusterChangeListener.class);

	private final ClusterCoapNotifier notifier;

	private final CoapClusterNode node;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	/**
	 * Create a listener.
	 * @param notifier the notifier of this node
	 * @param node this node
	 */
	public ClusterChangeListener(ClusterCoapNotifier notifier, CoapClusterNode node) {
		Assert.notNull(notifier, "'notifier' must not be null");
		Assert.notNull(node, "'node' must not be null");
		this.notifier = notifier;
		this.node = node;
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		ClusterChange change = ClusterChange.decode(message.getBody());
		if (change == null) {
			reject("not a change");
			return;
		}
		if (this.node.id().equals(change.node())) {
			return;
		}
		try {
			this.notifier.changedHere(change.uriOrPattern());
			this.received.incrementAndGet();
		}
		catch (IllegalArgumentException ex) {
			reject(ex.getMessage());
		}
	}

	private void reject(@Nullable String reason) {
		this.rejected.incrementAndGet();
		if (logger.isDebugEnabled()) {
			logger.debug("Ignored a cluster message: " + reason);
		}
	}

	/**
	 * Return how many changes of other nodes were served here.
	 * @return the count
	 */
	public long getReceived() {
		return this.received.get();
	}

	/**
	 * Return how many messages were ignored as malformed.
	 * @return the count
	 */
	public long getRejected() {
		return this.rejected.get();
	}

}
