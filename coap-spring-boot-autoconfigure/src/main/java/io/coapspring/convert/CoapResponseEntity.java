package io.coapspring.convert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A CoAP response: its code, its options and its body. The CoAP counterpart of Spring's {@code ResponseEntity},
 * and like it one type for both sides: a handler method returns it when the body alone is not enough (the
 * code, Location-Path and Location-Query of 2.01 Created, ETag, Max-Age, Content-Format or any other option),
 * and {@code CoapTemplate} returns it for a response it received.
 * <p>
 * On the server the body is written by the {@code CoapMessageConverter} negotiated from the request's Accept
 * option and the mapping's {@code produces}, or in the Content-Format set here. Without an explicit code
 * ({@link #ok(Object)}, {@link #ok()}) the default of the request method applies: 2.05 Content for GET and
 * FETCH, 2.04 Changed for POST, PUT, PATCH and iPATCH, 2.02 Deleted for DELETE; {@link #getCode()} is
 * {@code null} for such an entity. A received response always has its code.
 * <p>
 * Instances are immutable: {@link #getOptions()} returns a copy, and the other getters read the options without
 * copying them.
 *
 * <pre class="code">
 * return CoapResponseEntity.created("/sensors/" + id).maxAge(Duration.ofMinutes(1)).body(sensor);
 * return CoapResponseEntity.status(ResponseCode.CHANGED).maxAge(30).build();
 * </pre>
 *
 * @param <T> the body type
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapResponseEntity<T> {

	private final @Nullable ResponseCode code;

	/** The options; {@code null} for none, so that an entity of a plain return value allocates none. */
	private final @Nullable OptionSet options;

	private final @Nullable T body;

	/**
	 * Create an entity.
	 * @param code the response code
	 * @param options the options, copied; {@code null} for none
	 * @param body the body, {@code null} for none
	 */
	public CoapResponseEntity(ResponseCode code, @Nullable OptionSet options, @Nullable T body) {
		Assert.notNull(code, "'code' must not be null");
		this.code = code;
		this.options = (options != null) ? new OptionSet(options) : new OptionSet();
		this.body = body;
	}

	private CoapResponseEntity(Builder builder, @Nullable T body) {
		this.code = builder.code;
		this.options = new OptionSet(builder.options);
		this.body = body;
	}

	private CoapResponseEntity(@Nullable T body) {
		this.code = null;
		this.options = null;
		this.body = body;
	}

	/**
	 * Return the response code.
	 * @return the code, for instance {@link ResponseCode#CONTENT} (2.05); {@code null} for an entity a handler
	 * built without a code, which is answered with the request method's default
	 */
	public @Nullable ResponseCode getCode() {
		return this.code;
	}

	/**
	 * Return a copy of the options.
	 * @return the options; changing them does not change this entity
	 */
	public OptionSet getOptions() {
		return (this.options != null) ? new OptionSet(this.options) : new OptionSet();
	}

	/**
	 * Return whether the entity has any option, without copying them.
	 * @return {@code false} if {@link #getOptions()} would return an empty set
	 * @since 0.1.0
	 */
	public boolean hasOptions() {
		return this.options != null && !this.options.asSortedList().isEmpty();
	}

	private OptionSet options() {
		return (this.options != null) ? this.options : new OptionSet();
	}

	/**
	 * Return the body.
	 * @return the body, or {@code null} if the response has none
	 */
	public @Nullable T getBody() {
		return this.body;
	}

	/**
	 * Return whether the response has a body.
	 * @return {@code true} if {@link #getBody()} is not {@code null}
	 */
	public boolean hasBody() {
		return this.body != null;
	}

	/**
	 * Return whether the code is a success code (class 2). An entity without a code is a success: the default
	 * codes of the request methods all are.
	 * @return {@code true} for 2.xx codes
	 */
	public boolean isSuccess() {
		return this.code == null || this.code.isSuccess();
	}

	/**
	 * Return the Content-Format option. On the server it is the Content-Format the body must be written in,
	 * instead of negotiating it.
	 * @return the Content-Format number, or {@code null} if absent
	 */
	public @Nullable Integer getContentFormat() {
		return (this.options != null && this.options.hasContentFormat()) ? this.options.getContentFormat() : null;
	}

	/**
	 * Return the Max-Age option.
	 * @return the Max-Age in seconds, or {@code null} if absent (RFC 7252 then assumes 60 seconds; a handler's
	 * response gets the mapping's Max-Age, if any)
	 */
	public @Nullable Long getMaxAge() {
		return (this.options != null && this.options.hasMaxAge()) ? this.options.getMaxAge() : null;
	}

	/**
	 * Return the first ETag option. On the server an ETag set here replaces the automatic ETag.
	 * @return a copy of the ETag, or {@code null} if absent
	 */
	public byte @Nullable [] getETag() {
		if (this.options == null) {
			return null;
		}
		List<byte[]> etags = this.options.getETags();
		return etags.isEmpty() ? null : etags.get(0).clone();
	}

	/**
	 * Return the Location-Path options as a relative path.
	 * @return the path without leading slash, for instance {@code sensors/7}; empty if absent
	 */
	public String getLocationPath() {
		return options().getLocationPathString();
	}

	/**
	 * Return the Location-Query options as a query string.
	 * @return the query without leading question mark; empty if absent
	 */
	public String getLocationQuery() {
		return options().getLocationQueryString();
	}

	/**
	 * Return the Observe option, set on notifications.
	 * @return the sequence number, or {@code null} if absent
	 */
	public @Nullable Integer getObserve() {
		return options().getObserve();
	}

	/**
	 * Return the first option with the given number.
	 * @param number the option number
	 * @return the option, or {@code null} if absent
	 */
	public @Nullable Option getOption(int number) {
		for (Option option : options().asSortedList()) {
			if (option.getNumber() == number) {
				return option;
			}
		}
		return null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof CoapResponseEntity<?> that)) {
			return false;
		}
		return this.code == that.code && options().asSortedList().equals(that.options().asSortedList())
				&& bodyEquals(this.body, that.body);
	}

	private static boolean bodyEquals(@Nullable Object a, @Nullable Object b) {
		if (a instanceof byte[] left && b instanceof byte[] right) {
			return Arrays.equals(left, right);
		}
		return Objects.equals(a, b);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, options().asSortedList(),
				(this.body instanceof byte[] bytes) ? Arrays.hashCode(bytes) : this.body);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("<")
			.append((this.code != null) ? this.code.text + " " + this.code.name() : "default code");
		if (hasOptions()) {
			text.append(", ").append(this.options);
		}
		if (this.body != null) {
			text.append(", ").append((this.body instanceof byte[] bytes) ? bytes.length + " bytes" : this.body);
		}
		return text.append('>').toString();
	}

	/**
	 * Create a response with the request method's default success code (see above) and the given body.
	 * @param <T> the body type
	 * @param body the body, may be {@code null} for none
	 * @return the entity
	 */
	public static <T> CoapResponseEntity<T> ok(@Nullable T body) {
		return new CoapResponseEntity<>(body);
	}

	/**
	 * Start a response with the request method's default success code (see above).
	 * @return a builder
	 */
	public static Builder ok() {
		return new Builder(null);
	}

	/**
	 * Create a response with the request method's default success code and the body if present, or 4.04 Not
	 * Found without body if not.
	 * @param <T> the body type
	 * @param body the optional body
	 * @return the entity
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
	 * Start a 2.01 Created response, typically followed by {@link Builder#locationPath(String)}.
	 * @return a builder
	 */
	public static Builder created() {
		return status(ResponseCode.CREATED);
	}

	/**
	 * Start a 2.01 Created response whose Location-Path and Location-Query options point at the new resource.
	 * @param location the path of the new resource, optionally followed by {@code ?} and a query, for
	 * instance {@code /sensors/7} or {@code sensors/7?unit=c}
	 * @return a builder
	 */
	public static Builder created(String location) {
		Assert.notNull(location, "'location' must not be null");
		int question = location.indexOf('?');
		String path = (question < 0) ? location : location.substring(0, question);
		String query = (question < 0) ? "" : location.substring(question + 1);
		Builder builder = created();
		if (!path.isEmpty()) {
			builder.locationPath(path);
		}
		if (!query.isEmpty()) {
			builder.locationQuery(query);
		}
		return builder;
	}

	/**
	 * Start a 2.02 Deleted response.
	 * @return a builder
	 */
	public static Builder deleted() {
		return status(ResponseCode.DELETED);
	}

	/**
	 * Start a 2.03 Valid response.
	 * @return a builder
	 */
	public static Builder valid() {
		return status(ResponseCode.VALID);
	}

	/**
	 * Start a 2.04 Changed response.
	 * @return a builder
	 */
	public static Builder changed() {
		return status(ResponseCode.CHANGED);
	}

	/**
	 * Start a 2.05 Content response.
	 * @return a builder
	 */
	public static Builder content() {
		return status(ResponseCode.CONTENT);
	}

	/**
	 * Start a 4.00 Bad Request response.
	 * @return a builder
	 */
	public static Builder badRequest() {
		return status(ResponseCode.BAD_REQUEST);
	}

	/**
	 * Start a 4.04 Not Found response.
	 * @return a builder
	 */
	public static Builder notFound() {
		return status(ResponseCode.NOT_FOUND);
	}

	/**
	 * Builds a {@link CoapResponseEntity}. A builder is not thread-safe and may be used for one entity.
	 */
	public static final class Builder {

		private final @Nullable ResponseCode code;

		private final OptionSet options = new OptionSet();

		private Builder(@Nullable ResponseCode code) {
			this.code = code;
		}

		/**
		 * Set the Content-Format option: on the server, the Content-Format the body is written in, instead of
		 * negotiating it.
		 * @param contentFormat the Content-Format number
		 * @return this builder
		 */
		public Builder contentFormat(int contentFormat) {
			Assert.isTrue(contentFormat >= 0 && contentFormat <= 0xFFFF, "'contentFormat' must be 0..65535");
			this.options.setContentFormat(contentFormat);
			return this;
		}

		/**
		 * Set the ETag option; on the server it replaces the automatic ETag.
		 * @param etag the entity tag, 1 to 8 bytes
		 * @return this builder
		 */
		public Builder etag(byte[] etag) {
			Assert.isTrue(etag != null && etag.length >= 1 && etag.length <= 8, "'etag' must have 1 to 8 bytes");
			this.options.clearETags();
			this.options.addETag(etag.clone());
			return this;
		}

		/**
		 * Set the Max-Age option.
		 * @param seconds how long the response is fresh, 0 to 2^32-1 seconds
		 * @return this builder
		 */
		public Builder maxAge(long seconds) {
			Assert.isTrue(seconds >= 0 && seconds <= 0xFFFFFFFFL, "'seconds' must be 0..4294967295");
			this.options.setMaxAge(seconds);
			return this;
		}

		/**
		 * Set the Max-Age option.
		 * @param maxAge how long the response is fresh, whole seconds
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			Assert.notNull(maxAge, "'maxAge' must not be null");
			return maxAge(maxAge.toSeconds());
		}

		/**
		 * Add Location-Path options: one per segment of the given path.
		 * @param path a segment or a relative path, for instance {@code sensors/7}; a leading {@code /} and
		 * empty segments are ignored
		 * @return this builder
		 */
		public Builder locationPath(String path) {
			Assert.hasLength(path, "'path' must not be empty");
			for (String segment : path.split("/")) {
				if (!segment.isEmpty()) {
					this.options.addLocationPath(segment);
				}
			}
			return this;
		}

		/**
		 * Add Location-Query options: one per {@code &}-separated item of the given query.
		 * @param query an item or a query, for instance {@code unit=c} or {@code a=1&b=2}
		 * @return this builder
		 */
		public Builder locationQuery(String query) {
			Assert.hasLength(query, "'query' must not be empty");
			for (String item : query.split("&")) {
				if (!item.isEmpty()) {
					this.options.addLocationQuery(item);
				}
			}
			return this;
		}

		/**
		 * Add an option value by number. On the server the value is re-read with the definition the
		 * application registered for the number, if any.
		 * @param number the option number
		 * @param value the raw value
		 * @return this builder
		 */
		public Builder option(int number, byte[] value) {
			Assert.isTrue(number > 0 && number <= 0xFFFF, "'number' must be 1..65535");
			Assert.notNull(value, "'value' must not be null");
			OptionDefinition definition = StandardOptionRegistry.getDefaultOptionRegistry()
				.getDefinitionByNumber(number);
			if (definition == null) {
				definition = new OpaqueOptionDefinition(number, "Option-" + number);
			}
			this.options.addOption(definition.create(value.clone()));
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
		 * Add an option.
		 * @param option the option
		 * @return this builder
		 */
		public Builder option(Option option) {
			Assert.notNull(option, "'option' must not be null");
			this.options.addOption(option);
			return this;
		}

		/**
		 * Change the options directly.
		 * @param consumer receives the options to change
		 * @return this builder
		 */
		public Builder options(Consumer<OptionSet> consumer) {
			Assert.notNull(consumer, "'consumer' must not be null");
			consumer.accept(this.options);
			return this;
		}

		/**
		 * Build the entity with a body.
		 * @param <T> the body type
		 * @param body the body, may be {@code null} for none
		 * @return the entity
		 */
		public <T> CoapResponseEntity<T> body(@Nullable T body) {
			return new CoapResponseEntity<>(this, body);
		}

		/**
		 * Build the entity without a body.
		 * @param <T> the body type
		 * @return the entity
		 */
		public <T> CoapResponseEntity<T> build() {
			return body(null);
		}

	}

}
