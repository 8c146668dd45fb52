package io.coapspring.lwm2m.core;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a client returned for a path, as plain Java values. The shape of {@link #value()} follows the path:
 * <ul>
 * <li>a single resource ({@code /3/0/0}) or resource instance ({@code /3/0/7/1}): its value, one of
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant}, {@code byte[]}, an object link
 * as {@code String} ({@code "3:0"}), an unsigned integer as {@code Long} or {@code BigInteger}, a CoRE link as
 * {@code String};</li>
 * <li>a multiple resource ({@code /3/0/7}): a {@code Map<Integer, Object>} from resource instance id to value;</li>
 * <li>an object instance ({@code /3/0}): a {@code Map<Integer, Object>} from resource id to value (a map again for
 * multiple resources);</li>
 * <li>an object ({@code /3}): a {@code Map<Integer, Map<Integer, Object>>} from instance id to its resources.</li>
 * </ul>
 *
 * @param path the path that was read or observed, for instance {@code /3/0/9}
 * @param value the value, shaped by the path as above
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Lwm2mContent(String path, Object value) {

	/**
	 * Create content.
	 * @param path the path
	 * @param value the value
	 */
	public Lwm2mContent {
		Assert.hasText(path, "'path' must not be empty");
		Assert.notNull(value, "'value' must not be null");
	}

	/**
	 * Return the value as a {@code String} (text values, object links, CoRE links), or its text form.
	 * @return the value as text
	 */
	public String asString() {
		return (this.value instanceof byte[] bytes) ? java.util.HexFormat.of().formatHex(bytes)
				: String.valueOf(this.value);
	}

	/**
	 * Return an integer value.
	 * @return the value
	 * @throws IllegalStateException if the value is not a number
	 */
	public long asLong() {
		return asNumber().longValue();
	}

	/**
	 * Return a float value.
	 * @return the value
	 * @throws IllegalStateException if the value is not a number
	 */
	public double asDouble() {
		return asNumber().doubleValue();
	}

	/**
	 * Return a boolean value.
	 * @return the value
	 * @throws IllegalStateException if the value is not a boolean
	 */
	public boolean asBoolean() {
		return as(Boolean.class);
	}

	/**
	 * Return a time value.
	 * @return the value
	 * @throws IllegalStateException if the value is not a time
	 */
	public Instant asInstant() {
		return as(Instant.class);
	}

	/**
	 * Return an opaque value.
	 * @return the value
	 * @throws IllegalStateException if the value is not opaque
	 */
	public byte[] asBytes() {
		return as(byte[].class);
	}

	/**
	 * Return the resources of an object instance, or the instances of a multiple resource.
	 * @return the map from id to value
	 * @throws IllegalStateException if the value is a single value
	 */
	@SuppressWarnings("unchecked")
	public Map<Integer, Object> asMap() {
		return as(Map.class);
	}

	/**
	 * Return one resource (or resource instance) of an object instance (or multiple resource).
	 * @param id the resource id
	 * @return the value, or {@code null} if the client did not return that resource
	 */
	public @Nullable Object get(int id) {
		return asMap().get(id);
	}

	private Number asNumber() {
		return as(Number.class);
	}

	private <T> T as(Class<T> type) {
		if (!type.isInstance(this.value)) {
			throw new IllegalStateException("Value of " + this.path + " is a " + this.value.getClass().getSimpleName()
					+ ", not a " + type.getSimpleName());
		}
		return type.cast(this.value);
	}

	@Override
	public String toString() {
		return this.path + "=" + asString();
	}

}
