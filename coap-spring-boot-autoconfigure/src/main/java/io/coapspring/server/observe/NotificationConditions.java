package io.coapspring.server.observe;

import org.springframework.util.Assert;

/**
 * Decides, for one observer, whether a new sample of the observed resource is notified, following the logic of
 * draft-ietf-core-conditional-attributes: a sample is notified when a condition holds relative to the value last
 * notified ({@code gt} or {@code lt} crossed, a change of at least {@code st}, inside the band, a boolean changed)
 * or to the previous sample (the watched edge of a boolean), or when the maximum period passed, and only once the
 * minimum period since the last notification passed; otherwise it is held back until then. Without value
 * conditions every sample is a change.
 * <p>
 * Time is given by the caller, in nanoseconds of a monotonic clock, so the logic is independent of any clock. Not
 * thread-safe: the observer calls it under its own lock.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class NotificationConditions {

	private final ConditionalAttributes attributes;

	private boolean reported;

	private long lastReportNanos;

	private ObservedValue lastValue = ObservedValue.NONE;

	private ObservedValue previousSample = ObservedValue.NONE;

	/**
	 * Create the conditions of an observer.
	 * @param attributes the observer's conditional attributes
	 */
	public NotificationConditions(ConditionalAttributes attributes) {
		Assert.notNull(attributes, "'attributes' must not be null");
		this.attributes = attributes;
	}

	/**
	 * Return the observer's conditional attributes.
	 * @return the attributes
	 */
	public ConditionalAttributes getAttributes() {
		return this.attributes;
	}

	/**
	 * Decide what happens to a sample.
	 * @param value the value of the sample
	 * @param nowNanos the current time
	 * @param maxPeriodNanos the time after the last notification when one is due whatever the value (the smaller
	 * of {@code pmax} and any freshness limit of the caller), negative for none
	 * @return the decision
	 */
	public Decision evaluate(ObservedValue value, long nowNanos, long maxPeriodNanos) {
		Assert.notNull(value, "'value' must not be null");
		if (!this.reported) {
			this.previousSample = value;
			return Decision.NOTIFY;
		}
		long elapsed = nowNanos - this.lastReportNanos;
		boolean due = maxPeriodNanos >= 0 && elapsed >= maxPeriodNanos;
		boolean triggers = triggers(value);
		this.previousSample = value;
		if (!due && !triggers) {
			return Decision.DROP;
		}
		if (this.attributes.pminNanos >= 0 && elapsed < this.attributes.pminNanos) {
			return Decision.HOLD;
		}
		return Decision.NOTIFY;
	}

	private boolean triggers(ObservedValue value) {
		ConditionalAttributes attributes = this.attributes;
		if (!attributes.hasValueConditions()) {
			return true;
		}
		if (value.kind() != this.lastValue.kind()) {
			// not comparable (for instance no value after a number): a change
			return true;
		}
		if (value.kind() == ObservedValue.Kind.NONE) {
			return true;
		}
		if (!value.isNumber() || !attributes.requiresNumber()) {
			// a boolean, or a number watched by edge only
			boolean current = value.asBoolean();
			if (attributes.edge != null) {
				// an edge is a transition from the previous sample, whether it was notified or not
				return this.previousSample.isBooleanLike() && current != this.previousSample.asBoolean()
						&& current == attributes.edge;
			}
			return current != this.lastValue.asBoolean();
		}
		double current = value.number();
		double last = this.lastValue.number();
		boolean stepped = attributes.hasSt() && Math.abs(current - last) >= attributes.st;
		if (attributes.band) {
			return inBand(current) && (!attributes.hasSt() || stepped);
		}
		boolean crossedGt = attributes.hasGt() && ((current > attributes.gt) != (last > attributes.gt));
		boolean crossedLt = attributes.hasLt() && ((current < attributes.lt) != (last < attributes.lt));
		return crossedGt || crossedLt || stepped;
	}

	private boolean inBand(double value) {
		ConditionalAttributes attributes = this.attributes;
		if (attributes.hasGt() && attributes.hasLt()) {
			return (attributes.gt <= attributes.lt) ? (attributes.gt <= value && value <= attributes.lt)
					: (value < attributes.lt || value > attributes.gt);
		}
		return attributes.hasGt() ? value <= attributes.gt : value >= attributes.lt;
	}

	/**
	 * Record that a value was notified.
	 * @param value the value notified
	 * @param nowNanos the current time
	 */
	public void reported(ObservedValue value, long nowNanos) {
		Assert.notNull(value, "'value' must not be null");
		this.reported = true;
		this.lastReportNanos = nowNanos;
		this.lastValue = value;
		this.previousSample = value;
	}

	/**
	 * Return whether a value was notified yet.
	 * @return {@code true} after {@link #reported}
	 */
	public boolean hasReported() {
		return this.reported;
	}

	/**
	 * Return when the last notification was sent.
	 * @return the time given to {@link #reported}
	 */
	public long getLastReportNanos() {
		return this.lastReportNanos;
	}

	/**
	 * Return the value last notified.
	 * @return the value given to {@link #reported}, {@link ObservedValue#NONE} before
	 */
	public ObservedValue getLastValue() {
		return this.lastValue;
	}

	/**
	 * Return when a held-back sample may be notified: the last notification plus {@code pmin}.
	 * @return the time
	 */
	public long getHoldUntilNanos() {
		return this.lastReportNanos + Math.max(0, this.attributes.pminNanos);
	}

	/**
	 * What happens to a sample.
	 */
	public enum Decision {

		/**
		 * Notify it now.
		 */
		NOTIFY,

		/**
		 * Hold it back until the minimum period passed; a later sample replaces it.
		 */
		HOLD,

		/**
		 * Do not notify it: no condition holds.
		 */
		DROP

	}

}
