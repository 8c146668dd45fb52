package io.coapspring.server.handler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A response a handler method returns when the body alone is not enough: the response code, the body and
 * options such as Location-Path and Location-Query of 2.01 Created, ETag, Max-Age, Content-Format or any other
 * option by number. The body is written by the {@code CoapMessageConverter} negotiated from the request's
 * Accept option and the mapping's {@code produces}, or in the Content-Format set here.
 * <p>
 * Without an explicit code ({@link #ok(Object)}, {@link #ok()}) the default of the request method applies:
 * 2.05 Content for GET and FETCH, 2.04 Changed for POST, PUT, PATCH and iPATCH, 2.02 Deleted for DELETE.
 *
 * <pre class="code">
 * return CoapResponseEntity.created("/sensors/" + id).maxAge(Duration.ofMinutes(1)).body(sensor);
 * </pre>
 *
 * @param <T> the body type
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapResponseEntity<T> {

	private final @Nullable ResponseCode code;

	private final @Nullable T body;

	private final int contentFormat;

	private final byte @Nullable [] etag;

	private final long maxAge;

	private final List<String> locationPath;

	private final List<String> locationQuery;

	private final Map<Integer, List<byte[]>> options;

	private CoapResponseEntity(Builder builder, @Nullable T body) {
		this.code = builder.code;
		this.body = body;
		this.contentFormat = builder.contentFormat;
		this.etag = builder.etag;
		this.maxAge = builder.maxAge;
		this.locationPath = List.copyOf(builder.locationPath);
		this.locationQuery = List.copyOf(builder.locationQuery);
		Map<Integer, List<byte[]>> options = new LinkedHashMap<>();
		builder.options.forEach((number, values) -> options.put(number, List.copyOf(values)));
		this.options = Collections.unmodifiableMap(options);
	}

	/**
	 * Create a response with the method's default success code and the given body.
	 * @param <T> the body type
	 * @param body the body, may be {@code null} for none
	 * @return the response
	 */
	public static <T> CoapResponseEntity<T> ok(@Nullable T body) {
		return new Builder(null).body(body);
	}

	/**
	 * Start a response with the method's default success code.
	 * @return a builder
	 */
	public static Builder ok() {
		return new Builder(null);
	}

	/**
	 * Create a response with the method's default success code and the body if present, or 4.04 Not Found
	 * without body if not.
	 * @param <T> the body type
	 * @param body the optional body
	 * @return the response
	 */
	public static <T> CoapResponseEntity<T> of(Optional<T> body) {
		Assert.notNull(body, "'body' must not be null");
		return body.map(CoapResponseEntity::ok).orElseGet(() -> notFound().build());
	}

	/**
	 * Start a response with the given code.
	 * @param code the response code
	 * @return a builder
	 */
	public static Builder status(ResponseCode code) {
		Assert.notNull(code, "'code' must not be null");
		return new Builder(code);
	}

	/**
	 * Start a 2.01 Created response whose Location-Path and Location-Query options point at the new resource.
	 * @param location the path of the new resource, optionally followed by {@code ?} and a query, for
	 * instance {@code /sensors/7} or {@code sensors/7?unit=c}
	 * @return a builder
	 */
	public static Builder created(String location) {
		Assert.notNull(location, "'location' must not be null");
		Builder builder = new Builder(ResponseCode.CREATED);
		int question = location.indexOf('?');
		String path = (question < 0) ? location : location.substring(0, question);
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				builder.locationPath.add(segment);
			}
		}
		if (question >= 0) {
			for (String item : location.substring(question + 1).split("&")) {
				if (!item.isEmpty()) {
					builder.locationQuery.add(item);
				}
			}
		}
		return builder;
	}

	/**
	 * Start a 2.02 Deleted response.
	 * @return a builder
	 */
	public static Builder deleted() {
		return new Builder(ResponseCode.DELETED);
	}

	/**
	 * Start a 2.04 Changed response.
	 * @return a builder
	 */
	public static Builder changed() {
		return new Builder(ResponseCode.CHANGED);
	}

	/**
	 * Start a 2.05 Content response.
	 * @return a builder
	 */
	public static Builder content() {
		return new Builder(ResponseCode.CONTENT);
	}

	/**
	 * Start a 4.04 Not Found response.
	 * @return a builder
	 */
	public static Builder notFound() {
		return new Builder(ResponseCode.NOT_FOUND);
	}

	/**
	 * Start a 4.00 Bad Request response.
	 * @return a builder
	 */
	public static Builder badRequest() {
		return new Builder(ResponseCode.BAD_REQUEST);
	}

	/**
	 * Return the response code.
	 * @return the code, or {@code null} for the request method's default
	 */
	public @Nullable ResponseCode getCode() {
		return this.code;
	}

	/**
	 * Return the body.
	 * @return the body, or {@code null} for none
	 */
	public @Nullable T getBody() {
		return this.body;
	}

	/**
	 * Return the Content-Format the body must be written in.
	 * @return the Content-Format number, or -1 to negotiate it
	 */
	public int getContentFormat() {
		return this.contentFormat;
	}

	/**
	 * Return the ETag.
	 * @return a copy of the ETag, or {@code null} for none
	 */
	public byte @Nullable [] getEtag() {
		return (this.etag != null) ? this.etag.clone() : null;
	}

	/**
	 * Return the Max-Age.
	 * @return the Max-Age in seconds, or -1 for none
	 */
	public long getMaxAge() {
		return this.maxAge;
	}

	/**
	 * Return the Location-Path segments.
	 * @return the segments
	 */
	public List<String> getLocationPath() {
		return this.locationPath;
	}

	/**
	 * Return the Location-Query items.
	 * @return the items
	 */
	public List<String> getLocationQuery() {
		return this.locationQuery;
	}

	/**
	 * Return the other options, by number.
	 * @return the option values by number, in the order they were added
	 */
	public Map<Integer, List<byte[]>> getOptions() {
		return this.options;
	}

	@Override
	public String toString() {
		return "CoapResponseEntity[" + ((this.code != null) ? this.code : "default") + ", body="
				+ ((this.body != null) ? this.body.getClass().getSimpleName() : "none") + "]";
	}

	/**
	 * Builds a {@link CoapResponseEntity}.
	 */
	public static final class Builder {

		private final @Nullable ResponseCode code;

		private int contentFormat = -1;

		private byte @Nullable [] etag;

		private long maxAge = -1;

		private final List<String> locationPath = new ArrayList<>();

		private final List<String> locationQuery = new ArrayList<>();

		private final Map<Integer, List<byte[]>> options = new LinkedHashMap<>();

		private Builder(@Nullable ResponseCode code) {
			this.code = code;
		}

		/**
		 * Set the Content-Format the body is written in, instead of negotiating it.
		 * @param contentFormat the Content-Format number
		 * @return this builder
		 */
		public Builder contentFormat(int contentFormat) {
			Assert.isTrue(contentFormat >= 0 && contentFormat <= 0xFFFF, "'contentFormat' must be 0..65535");
			this.contentFormat = contentFormat;
			return this;
		}

		/**
		 * Set the ETag, which disables the automatic ETag for this response.
		 * @param etag 1 to 8 bytes
		 * @return this builder
		 */
		public Builder etag(byte[] etag) {
			Assert.isTrue(etag != null && etag.length >= 1 && etag.length <= 8, "'etag' must have 1 to 8 bytes");
			this.etag = etag.clone();
			return this;
		}

		/**
		 * Set the Max-Age.
		 * @param seconds the Max-Age in seconds, 0 to 2^32-1
		 * @return this builder
		 */
		public Builder maxAge(long seconds) {
			Assert.isTrue(seconds >= 0 && seconds <= 0xFFFFFFFFL, "'seconds' must be 0..4294967295");
			this.maxAge = seconds;
			return this;
		}

		/**
		 * Set the Max-Age.
		 * @param maxAge the Max-Age, whole seconds
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			Assert.notNull(maxAge, "'maxAge' must not be null");
			return maxAge(maxAge.toSeconds());
		}

		/**
		 * Add a Location-Path segment.
		 * @param segment the segment
		 * @return this builder
		 */
		public Builder locationPath(String segment) {
			Assert.hasLength(segment, "'segment' must not be empty");
			this.locationPath.add(segment);
			return this;
		}

		/**
		 * Add a Location-Query item.
		 * @param item the item, for instance {@code unit=c}
		 * @return this builder
		 */
		public Builder locationQuery(String item) {
			Assert.hasLength(item, "'item' must not be empty");
			this.locationQuery.add(item);
			return this;
		}

		/**
		 * Add an option value by number.
		 * @param number the option number
		 * @param value the raw value
		 * @return this builder
		 */
		public Builder option(int number, byte[] value) {
			Assert.isTrue(number > 0 && number <= 0xFFFF, "'number' must be 1..65535");
			Assert.notNull(value, "'value' must not be null");
			this.options.computeIfAbsent(number, (key) -> new ArrayList<>()).add(value.clone());
			return this;
		}

		/**
		 * Add a string option value (UTF-8) by number.
		 * @param number the option number
		 * @param value the value
		 * @return this builder
		 */
		public Builder option(int number, String value) {
			Assert.notNull(value, "'value' must not be null");
			return option(number, value.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Add an unsigned integer option value (shortest big-endian encoding) by number.
		 * @param number the option number
		 * @param value the value, not negative
		 * @return this builder
		 */
		public Builder option(int number, long value) {
			Assert.isTrue(value >= 0, "'value' must not be negative");
			return option(number, IntegerOptionDefinition.setLongValue(value));
		}

		/**
		 * Build the response without body.
		 * @param <T> the body type
		 * @return the response
		 */
		public <T> CoapResponseEntity<T> build() {
			return new CoapResponseEntity<>(this, null);
		}

		/**
		 * Build the response with a body.
		 * @param <T> the body type
		 * @param body the body, may be {@code null} for none
		 * @return the response
		 */
		public <T> CoapResponseEntity<T> body(@Nullable T body) {
			return new CoapResponseEntity<>(this, body);
		}

	}

}
