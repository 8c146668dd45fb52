package io.coapspring.server.function;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a route declares beyond its predicate, as the attributes of {@code @CoapMapping} do for a handler method:
 * whether it may be observed, its discovery attributes (RFC 6690 {@code rt}, {@code if}, {@code title},
 * {@code sz}), automatic ETags and Max-Age.
 *
 * @param observable whether GET and FETCH requests may observe the route
 * @param discoverable whether {@code /.well-known/core} lists the route
 * @param resourceTypes the {@code rt} values
 * @param interfaceDescriptions the {@code if} values
 * @param title the {@code title}, or {@code null}
 * @param size the {@code sz} hint, negative for none
 * @param etag whether GET responses get an automatic ETag (and 2.03 Valid for a matching one)
 * @param maxAge the Max-Age in seconds, negative for none
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapRouteAttributes(boolean observable, boolean discoverable, List<String> resourceTypes,
		List<String> interfaceDescriptions, @Nullable String title, long size, boolean etag, long maxAge) {

	/**
	 * The attributes of a route that declares none: not observable, discoverable, no ETag, no Max-Age.
	 */
	public static final CoapRouteAttributes DEFAULT = new CoapRouteAttributes(false, true, List.of(), List.of(), null,
			-1, false, -1);

	/**
	 * Copy the components.
	 */
	public CoapRouteAttributes {
		resourceTypes = List.copyOf(resourceTypes);
		interfaceDescriptions = List.copyOf(interfaceDescriptions);
	}

	/**
	 * Return a builder that starts from these attributes.
	 * @return the builder
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Builds {@link CoapRouteAttributes}.
	 */
	public static final class Builder {

		private boolean observable;

		private boolean discoverable;

		private final List<String> resourceTypes;

		private final List<String> interfaceDescriptions;

		private @Nullable String title;

		private long size;

		private boolean etag;

		private long maxAge;

		Builder(CoapRouteAttributes attributes) {
			this.observable = attributes.observable;
			this.discoverable = attributes.discoverable;
			this.resourceTypes = new ArrayList<>(attributes.resourceTypes);
			this.interfaceDescriptions = new ArrayList<>(attributes.interfaceDescriptions);
			this.title = attributes.title;
			this.size = attributes.size;
			this.etag = attributes.etag;
			this.maxAge = attributes.maxAge;
		}

		/**
		 * Set whether GET and FETCH requests may observe the route.
		 * @param observable whether observable
		 * @return this builder
		 */
		public Builder observable(boolean observable) {
			this.observable = observable;
			return this;
		}

		/**
		 * Set whether {@code /.well-known/core} lists the route.
		 * @param discoverable whether discoverable
		 * @return this builder
		 */
		public Builder discoverable(boolean discoverable) {
			this.discoverable = discoverable;
			return this;
		}

		/**
		 * Add a resource type ({@code rt}).
		 * @param resourceType the type
		 * @return this builder
		 */
		public Builder resourceType(String resourceType) {
			Assert.hasText(resourceType, "'resourceType' must not be empty");
			this.resourceTypes.add(resourceType);
			return this;
		}

		/**
		 * Add an interface description ({@code if}).
		 * @param interfaceDescription the description
		 * @return this builder
		 */
		public Builder interfaceDescription(String interfaceDescription) {
			Assert.hasText(interfaceDescription, "'interfaceDescription' must not be empty");
			this.interfaceDescriptions.add(interfaceDescription);
			return this;
		}

		/**
		 * Set the title.
		 * @param title the title
		 * @return this builder
		 */
		public Builder title(@Nullable String title) {
			this.title = title;
			return this;
		}

		/**
		 * Set the size hint ({@code sz}).
		 * @param size the size in bytes
		 * @return this builder
		 */
		public Builder size(long size) {
			this.size = size;
			return this;
		}

		/**
		 * Set whether GET responses get an automatic ETag.
		 * @param etag whether to add ETags
		 * @return this builder
		 */
		public Builder etag(boolean etag) {
			this.etag = etag;
			return this;
		}

		/**
		 * Set the Max-Age of 2.05 Content responses.
		 * @param maxAge the Max-Age
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			Assert.isTrue(!maxAge.isNegative(), "'maxAge' must not be negative");
			this.maxAge = maxAge.toSeconds();
			return this;
		}

		/**
		 * Build the attributes.
		 * @return the attributes
		 */
		public CoapRouteAttributes build() {
			return new CoapRouteAttributes(this.observable, this.discoverable, this.resourceTypes,
					this.interfaceDescriptions, this.title, this.size, this.etag, this.maxAge);
		}

	}

}
