package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Notification attributes for write-attributes (LWM2M 1.0/1.1 section 5.1.2): minimum and maximum period in
 * seconds, greater-than and less-than thresholds and step. Unset attributes are not sent.
 *
 * @param pmin minimum period in seconds, or {@code null}
 * @param pmax maximum period in seconds, or {@code null}
 * @param gt greater-than threshold, or {@code null}
 * @param lt less-than threshold, or {@code null}
 * @param st step, or {@code null}
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Lwm2mAttributes(@Nullable Long pmin, @Nullable Long pmax, @Nullable Double gt, @Nullable Double lt,
		@Nullable Double st) {

	/**
	 * No attributes.
	 * @return empty attributes
	 */
	public static Lwm2mAttributes none() {
		return new Lwm2mAttributes(null, null, null, null, null);
	}

	/**
	 * Return a copy with the minimum period.
	 * @param seconds the period in seconds
	 * @return the new attributes
	 */
	public Lwm2mAttributes withPmin(long seconds) {
		return new Lwm2mAttributes(seconds, this.pmax, this.gt, this.lt, this.st);
	}

	/**
	 * Return a copy with the maximum period.
	 * @param seconds the period in seconds
	 * @return the new attributes
	 */
	public Lwm2mAttributes withPmax(long seconds) {
		return new Lwm2mAttributes(this.pmin, seconds, this.gt, this.lt, this.st);
	}

	/**
	 * Return a copy with the greater-than threshold.
	 * @param value the threshold
	 * @return the new attributes
	 */
	public Lwm2mAttributes withGt(double value) {
		return new Lwm2mAttributes(this.pmin, this.pmax, value, this.lt, this.st);
	}

	/**
	 * Return a copy with the less-than threshold.
	 * @param value the threshold
	 * @return the new attributes
	 */
	public Lwm2mAttributes withLt(double value) {
		return new Lwm2mAttributes(this.pmin, this.pmax, this.gt, value, this.st);
	}

	/**
	 * Return a copy with the step.
	 * @param value the step
	 * @return the new attributes
	 */
	public Lwm2mAttributes withSt(double value) {
		return new Lwm2mAttributes(this.pmin, this.pmax, this.gt, this.lt, value);
	}

}
