package io.coapspring.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A CoAP response: its code, its options and its body. The CoAP counterpart of Spring's
 * {@code ResponseEntity}: a client receives it from {@code CoapTemplate}, a server handler may return it to
 * control the code and options of its response.
 * <p>
 * Instances are immutable: {@link #getOptions()} returns a copy, and the convenience getters read the
 * options without copying them.
 *
 * <pre class="code">
 * CoapResponseEntity.created().locationPath("sensors/7").build();
 * CoapResponseEntity.ok(reading);
 * CoapResponseEntity.status(ResponseCode.CHANGED).maxAge(30).build();
 * </pre>
 *
 * @param <T> the body type
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapResponseEntity<T> {

	private final ResponseCode code;

	private final OptionSet options;

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

	/**
	 * Return the response code.
	 * @return the code, for instance {@link ResponseCode#CONTENT} (2.05)
	 */
	public ResponseCode getCode() {
		return this.code;
	}

	/**
	 * Return a copy of the options.
	 * @return the options; changing them does not change this entity
	 */
	public OptionSet getOptions() {
		return new OptionSet(this.options);
	}

	/**
	 * Return the body.
	 * @return the body, or {@code null} if the response had none
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
	 * Return whether the code is a success code (class 2).
	 * @return {@code true} for 2.xx codes
	 */
	public boolean isSuccess() {
		return this.code.isSuccess();
	}

	/**
	 * Return the Content-Format option.
	 * @return the Content-Format number, or {@code null} if absent
	 */
	public @Nullable Integer getContentFormat() {
		return this.options.hasContentFormat() ? this.options.getContentFormat() : null;
	}

	/**
	 * Return the Max-Age option.
	 * @return the Max-Age in seconds, or {@code null} if absent (RFC 7252 then assumes 60 seconds)
	 */
	public @Nullable Long getMaxAge() {
		return this.options.hasMaxAge() ? this.options.getMaxAge() : null;
	}

	/**
	 * Return the first ETag option.
	 * @return a copy of the ETag, or {@code null} if absent
	 */
	public byte @Nullable [] getETag() {
		List<byte[]> etags = this.options.getETags();
		return etags.isEmpty() ? null : etags.get(0).clone();
	}

	/**
	 * Return the Location-Path options as a relative path.
	 * @return the path without leading slash, for instance {@code sensors/7}; empty if absent
	 */
	public String getLocationPath() {
		return this.options.getLocationPathString();
	}

	/**
	 * Return the Location-Query options as a query string.
	 * @return the query without leading question mark; empty if absent
	 */
	public String getLocationQuery() {
		return this.options.getLocationQueryString();
	}

	/**
	 * Return the Observe option, set on notifications.
	 * @return the sequence number, or {@code null} if absent
	 */
	public @Nullable Integer getObserve() {
		return this.options.getObserve();
	}

	/**
	 * Return the first option with the given number.
	 * @param number the option number
	 * @return the option, or {@code null} if absent
	 */
	public @Nullable Option getOption(int number) {
		for (Option option : this.options.asSortedList()) {
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
		return this.code == that.code && this.options.asSortedList().equals(that.options.asSortedList())
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
		return Objects.hash(this.code, this.options.asSortedList(),
				(this.body instanceof byte[] bytes) ? Arrays.hashCode(bytes) : this.body);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("<").append(this.code.text).append(' ').append(this.code.name());
		if (!this.options.asSortedList().isEmpty()) {
			text.append(", ").append(this.options);
		}
		if (this.body != null) {
			text.append(", ").append((this.body instanceof byte[] bytes) ? bytes.length + " bytes" : this.body);
		}
		return text.append('>').toString();
	}

	/**
	 * Create a 2.05 Content response with the given body.
	 * @param <T> the body type
	 * @param body the body
	 * @return the entity
	 */
	public static <T> CoapResponseEntity<T> ok(@Nullable T body) {
		return new CoapResponseEntity<>(ResponseCode.CONTENT, null, body);
	}

	/**
	 * Start a 2.05 Content response.
	 * @return a builder
	 */
	public static Builder ok() {
		return status(ResponseCode.CONTENT);
	}

	/**
	 * Start a 2.01 Created response, typically followed by {@link Builder#locationPath(String)}.
	 * @return a builder
	 */
	public static Builder created() {
		return status(ResponseCode.CREATED);
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
	 * Start a response with the given code.
	 * @param code the response code
	 * @return a builder
	 */
	public static Builder status(ResponseCode code) {
		Assert.notNull(code, "'code' must not be null");
		return new Builder(code);
	}

	/**
	 * Builds a {@link CoapResponseEntity}. A builder is not thread-safe and may be used for one entity.
	 */
	public static final class Builder {

		private final ResponseCode code;

		private final OptionSet options = new OptionSet();

		private Builder(ResponseCode code) {
			this.code = code;
		}

		/**
		 * Set the Content-Format option.
		 * @param contentFormat the Content-Format number
		 * @return this builder
		 */
		public Builder contentFormat(int contentFormat) {
			this.options.setContentFormat(contentFormat);
			return this;
		}

		/**
		 * Set the Max-Age option.
		 * @param seconds how long the response is fresh
		 * @return this builder
		 */
		public Builder maxAge(long seconds) {
			this.options.setMaxAge(seconds);
			return this;
		}

		/**
		 * Add an ETag option.
		 * @param etag the entity tag, 1 to 8 bytes
		 * @return this builder
		 */
		public Builder etag(byte[] etag) {
			Assert.notNull(etag, "'etag' must not be null");
			this.options.addETag(etag.clone());
			return this;
		}

		/**
		 * Set the Location-Path options from a relative path.
		 * @param path the path, for instance {@code sensors/7}
		 * @return this builder
		 */
		public Builder locationPath(String path) {
			Assert.notNull(path, "'path' must not be null");
			this.options.setLocationPath(path);
			return this;
		}

		/**
		 * Set the Location-Query options from a query string.
		 * @param query the query, for instance {@code a=1&b=2}
		 * @return this builder
		 */
		public Builder locationQuery(String query) {
			Assert.notNull(query, "'query' must not be null");
			this.options.setLocationQuery(query);
			return this;
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
		 * @param body the body
		 * @return the entity
		 */
		public <T> CoapResponseEntity<T> body(@Nullable T body) {
			return new CoapResponseEntity<>(this.code, this.options, body);
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
