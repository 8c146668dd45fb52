package io.coapspring.server.function;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The response of a {@link CoapHandlerFunction}, the counterpart of WebMvc.fn's {@code ServerResponse}: a
 * code, options and a body written by the {@code CoapMessageConverter} negotiated from the request's Accept
 * option (or the Content-Format set here), now or later ({@link #async(CompletionStage)}, sent as a separate
 * response when it takes longer than the piggyback time).
 * <pre class="code">
 * return CoapServerResponse.ok().maxAge(Duration.ofSeconds(30)).body(reading);
 * return CoapServerResponse.created("/sensors/" + id).build();
 * return CoapServerResponse.async(service.calibrate(id).thenApply(CoapServerResponse::ok));
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapServerResponse {

	private final CompletionStage<CoapResponseEntity<?>> entity;

	private CoapServerResponse(CompletionStage<CoapResponseEntity<?>> entity) {
		this.entity = entity;
	}

	/**
	 * Return the response as the entity handler methods return, once available.
	 * @return a stage completed with the entity
	 */
	public CompletionStage<CoapResponseEntity<?>> toEntity() {
		return this.entity;
	}

	/**
	 * Create a response from an entity.
	 * @param entity the entity
	 * @return the response
	 */
	public static CoapServerResponse from(CoapResponseEntity<?> entity) {
		Assert.notNull(entity, "'entity' must not be null");
		return new CoapServerResponse(CompletableFuture.completedFuture(entity));
	}

	/**
	 * Create a response with the default success code of the request method and a body.
	 * @param body the body, {@code null} for none
	 * @return the response
	 */
	public static CoapServerResponse ok(@Nullable Object body) {
		return from(CoapResponseEntity.ok(body));
	}

	/**
	 * Create a response that is available later. The stage may complete with a {@link CoapServerResponse}, a
	 * {@link CoapResponseEntity} or a body; completing exceptionally goes to the exception handlers.
	 * @param stage the stage
	 * @return the response
	 */
	public static CoapServerResponse async(CompletionStage<?> stage) {
		Assert.notNull(stage, "'stage' must not be null");
		return new CoapServerResponse(stage.thenCompose(CoapServerResponse::toStage));
	}

	private static CompletionStage<CoapResponseEntity<?>> toStage(@Nullable Object value) {
		if (value instanceof CoapServerResponse response) {
			return response.entity;
		}
		if (value instanceof CoapResponseEntity<?> entity) {
			return CompletableFuture.completedFuture(entity);
		}
		return CompletableFuture.completedFuture(CoapResponseEntity.ok(value));
	}

	/**
	 * Start a response with the default success code of the request method.
	 * @return a builder
	 */
	public static Builder ok() {
		return new Builder(CoapResponseEntity.ok());
	}

	/**
	 * Start a response with a code.
	 * @param code the code
	 * @return a builder
	 */
	public static Builder status(ResponseCode code) {
		return new Builder(CoapResponseEntity.status(code));
	}

	/**
	 * Start a 2.01 Created response with a Location-Path (and Location-Query after a {@code ?}).
	 * @param location the location
	 * @return a builder
	 */
	public static Builder created(String location) {
		return new Builder(CoapResponseEntity.created(location));
	}

	/**
	 * Start a 2.04 Changed response.
	 * @return a builder
	 */
	public static Builder changed() {
		return new Builder(CoapResponseEntity.changed());
	}

	/**
	 * Start a 2.02 Deleted response.
	 * @return a builder
	 */
	public static Builder deleted() {
		return new Builder(CoapResponseEntity.deleted());
	}

	/**
	 * Start a 4.04 Not Found response.
	 * @return a builder
	 */
	public static Builder notFound() {
		return new Builder(CoapResponseEntity.notFound());
	}

	/**
	 * Start a 4.00 Bad Request response.
	 * @return a builder
	 */
	public static Builder badRequest() {
		return new Builder(CoapResponseEntity.badRequest());
	}

	@Override
	public String toString() {
		CompletableFuture<CoapResponseEntity<?>> future = this.entity.toCompletableFuture();
		return future.isDone() && !future.isCompletedExceptionally() ? future.join().toString()
				: "CoapServerResponse (pending)";
	}

	/**
	 * Builds a {@link CoapServerResponse}, on {@link CoapResponseEntity.Builder}.
	 */
	public static final class Builder {

		private final CoapResponseEntity.Builder entity;

		private Builder(CoapResponseEntity.Builder entity) {
			this.entity = entity;
		}

		/**
		 * Set the Content-Format of the body.
		 * @param contentFormat the format number
		 * @return this builder
		 */
		public Builder contentFormat(int contentFormat) {
			this.entity.contentFormat(contentFormat);
			return this;
		}

		/**
		 * Set the ETag.
		 * @param etag the ETag
		 * @return this builder
		 */
		public Builder etag(byte[] etag) {
			this.entity.etag(etag);
			return this;
		}

		/**
		 * Set the Max-Age.
		 * @param maxAge the Max-Age
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			this.entity.maxAge(maxAge);
			return this;
		}

		/**
		 * Set an option.
		 * @param number the option number
		 * @param value the value
		 * @return this builder
		 */
		public Builder option(int number, String value) {
			this.entity.option(number, value);
			return this;
		}

		/**
		 * Set an option.
		 * @param number the option number
		 * @param value the value
		 * @return this builder
		 */
		public Builder option(int number, byte[] value) {
			this.entity.option(number, value);
			return this;
		}

		/**
		 * Change the options.
		 * @param consumer changes the options
		 * @return this builder
		 */
		public Builder options(Consumer<OptionSet> consumer) {
			this.entity.options(consumer);
			return this;
		}

		/**
		 * Finish with a body.
		 * @param body the body, {@code null} for none
		 * @return the response
		 */
		public CoapServerResponse body(@Nullable Object body) {
			return from(this.entity.body(body));
		}

		/**
		 * Finish without body.
		 * @return the response
		 */
		public CoapServerResponse build() {
			return from(this.entity.build());
		}

	}

}
