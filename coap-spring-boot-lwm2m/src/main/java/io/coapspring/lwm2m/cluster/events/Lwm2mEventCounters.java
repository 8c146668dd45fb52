package io.coapspring.lwm2m.cluster.events;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the cluster's LWM2M event stream on this node: events added to the stream ({@code published}),
 * delivered to this node's listeners ({@code delivered}), taken over from a consumer that did not acknowledge them
 * ({@code claimed}), not carried or not delivered ({@code failed}: Redis did not take the event, a listener threw,
 * an entry could not be read, or an event was given up after its last delivery), and Redis errors while reading
 * the stream ({@code errors}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventCounters {

	private final LongAdder published = new LongAdder();

	private final LongAdder delivered = new LongAdder();

	private final LongAdder claimed = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder errors = new LongAdder();

	void published() {
		this.published.increment();
	}

	void delivered() {
		this.delivered.increment();
	}

	void claimed() {
		this.claimed.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void error() {
		this.errors.increment();
	}

	/**
	 * Return how many events this node added to the stream.
	 * @return the count
	 */
	public long getPublished() {
		return this.published.sum();
	}

	/**
	 * Return how many events this node delivered to its listeners.
	 * @return the count
	 */
	public long getDelivered() {
		return this.delivered.sum();
	}

	/**
	 * Return how many events this node claimed from a consumer that did not acknowledge them.
	 * @return the count
	 */
	public long getClaimed() {
		return this.claimed.sum();
	}

	/**
	 * Return how many events this node could not add to the stream or deliver.
	 * @return the count
	 */
	public long getFailed() {
		return this.failed.sum();
	}

	/**
	 * Return how many Redis errors this node met reading or claiming events.
	 * @return the count
	 */
	public long getErrors() {
		return this.errors.sum();
	}

}
