package io.coapspring.cluster;

import io.coapspring.server.observe.CoapNotifier;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link CoapNotifier} for a cluster: {@link #changed(String)} serves the observers of this node, then
 * publishes the change so that every other node serves its own observers too (observe relations stay with the
 * node the client talks to). The returned counts are this node's observers only. {@link #notify(String, Object)}
 * stays on this node, since its value is an application object the other nodes could not rebuild;
 * {@link #getObserverCount(String)} counts this node's observers.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ClusterCoapNotifier implements CoapNotifier {

	private final CoapNotifier local;

	private final ClusterChangePublisher publisher;

	/**
	 * Create a notifier.
	 * @param local the notifier of this node's observers
	 * @param publisher the publisher to the other nodes
	 */
	public ClusterCoapNotifier(CoapNotifier local, ClusterChangePublisher publisher) {
		Assert.notNull(local, "'local' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		this.local = local;
		this.publisher = publisher;
	}

	@Override
	public int changed(String uriOrPattern) {
		int count = this.local.changed(uriOrPattern);
		this.publisher.publish(uriOrPattern);
		return count;
	}

	/**
	 * Serve this node's observers of a change signalled on another node.
	 * @param uriOrPattern the changed URI or pattern
	 * @return the number of this node's observers that will be served
	 */
	public int changedHere(String uriOrPattern) {
		return this.local.changed(uriOrPattern);
	}

	@Override
	public int notify(String uriOrPattern, @Nullable Object value) {
		return this.local.notify(uriOrPattern, value);
	}

	@Override
	public int getObserverCount(String uriOrPattern) {
		return this.local.getObserverCount(uriOrPattern);
	}

}
