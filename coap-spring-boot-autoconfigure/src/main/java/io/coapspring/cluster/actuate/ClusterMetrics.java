package io.coapspring.cluster.actuate;

import io.coapspring.cluster.ClusterChangeListener;
import io.coapspring.cluster.ClusterChangePublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Metrics of the cluster's change fan-out: {@code coap.cluster.changes.published}, {@code .dropped} (the queue
 * was full), {@code .failed} (Redis did not take them), {@code .received} (changes of other nodes served here),
 * {@code .rejected} (malformed messages) and the gauges {@code coap.cluster.changes.queued} and
 * {@code coap.cluster.changes.queued.max}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ClusterMetrics implements MeterBinder {

	private final ClusterChangePublisher publisher;

	private final ClusterChangeListener listener;

	private final int capacity;

	/**
	 * Create the metrics.
	 * @param publisher the publisher of this node's changes
	 * @param listener the listener to the other nodes' changes
	 * @param capacity the capacity of the publishing queue
	 */
	public ClusterMetrics(ClusterChangePublisher publisher, ClusterChangeListener listener, int capacity) {
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.publisher = publisher;
		this.listener = listener;
		this.capacity = capacity;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("coap.cluster.changes.published", this.publisher, ClusterChangePublisher::getPublished)
			.description("Changes published to the other nodes")
			.register(registry);
		FunctionCounter.builder("coap.cluster.changes.dropped", this.publisher, ClusterChangePublisher::getDropped)
			.description("Changes not published because the queue was full")
			.register(registry);
		FunctionCounter.builder("coap.cluster.changes.failed", this.publisher, ClusterChangePublisher::getFailed)
			.description("Changes Redis did not take")
			.register(registry);
		FunctionCounter.builder("coap.cluster.changes.received", this.listener, ClusterChangeListener::getReceived)
			.description("Changes of other nodes served to this node's observers")
			.register(registry);
		FunctionCounter.builder("coap.cluster.changes.rejected", this.listener, ClusterChangeListener::getRejected)
			.description("Malformed messages on the cluster's channel")
			.register(registry);
		Gauge.builder("coap.cluster.changes.queued", this.publisher, ClusterChangePublisher::getQueued)
			.description("Changes waiting to be published")
			.register(registry);
		Gauge.builder("coap.cluster.changes.queued.max", this, (metrics) -> metrics.capacity)
			.description("Most changes that may wait to be published")
			.register(registry);
	}

}
