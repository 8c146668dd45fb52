package io.coapspring.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * A CoAP request: method, URI, body and everything that can be set per request, for
 * {@link CoapOperations#exchange(CoapRequestEntity, Class)} and friends. The CoAP counterpart of Spring's
 * {@code RequestEntity}. Anything left unset falls back to the defaults of the template.
 *
 * <pre class="code">
 * CoapRequestEntity&lt;Threshold&gt; request = CoapRequestEntity.put("coap://[fd00::7]/sensors/{id}/threshold", 7)
 *     .contentFormat("application/cbor")
 *     .accept("application/json")
 *     .nonConfirmable()
 *     .timeout(Duration.ofSeconds(5))
 *     .maxRetransmit(2)
 *     .option("If-Match", etag)
 *     .body(new Threshold(25));
 * </pre>
 *
 * @param <T> the body type
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequestEntity<T> {

	private final Code method;

	private final @Nullable URI uri;

	private final @Nullable String uriTemplate;

	private final Object[] uriVariables;

	private final @Nullable Map<String, ?> uriVariableMap;

	private final @Nullable T body;

	private final @Nullable Boolean confirmable;

	private final @Nullable String accept;

	private final @Nullable String contentFormat;

	private final List<OptionValue> options;

	private final @Nullable Duration timeout;

	private final @Nullable Integer maxRetransmit;

	private final @Nullable Integer blockSize;

	private final @Nullable Integer maxBodySize;

	private final @Nullable String proxyUri;

	private final @Nullable URI proxy;

	private final @Nullable String proxyScheme;

	private CoapRequestEntity(Builder builder, @Nullable T body) {
		this.method = builder.method;
		this.uri = builder.uri;
		this.uriTemplate = builder.uriTemplate;
		this.uriVariables = builder.uriVariables.clone();
		this.uriVariableMap = (builder.uriVariableMap != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(builder.uriVariableMap)) : null;
		this.body = body;
		this.confirmable = builder.confirmable;
		this.accept = builder.accept;
		this.contentFormat = builder.contentFormat;
		this.options = List.copyOf(builder.options);
		this.timeout = builder.timeout;
		this.maxRetransmit = builder.maxRetransmit;
		this.blockSize = builder.blockSize;
		this.maxBodySize = builder.maxBodySize;
		this.proxyUri = builder.proxyUri;
		this.proxy = builder.proxy;
		this.proxyScheme = builder.proxyScheme;
	}

	/**
	 * Return the request method.
	 * @return the method
	 */
	public Code getMethod() {
		return this.method;
	}

	/**
	 * Return the URI, if the request was created with a {@link URI}.
	 * @return the URI, or {@code null} if a URI template was given
	 */
	public @Nullable URI getUri() {
		return this.uri;
	}

	/**
	 * Return the URI template, if the request was created with one.
	 * @return the template, or {@code null} if a {@link URI} was given
	 */
	public @Nullable String getUriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * Return the positional URI template variables.
	 * @return a copy of the variables, empty if none or if named variables were given
	 */
	public Object[] getUriVariables() {
		return this.uriVariables.clone();
	}

	/**
	 * Return the named URI template variables.
	 * @return the variables, or {@code null} if positional variables were given
	 */
	public @Nullable Map<String, ?> getUriVariableMap() {
		return this.uriVariableMap;
	}

	/**
	 * Return the body.
	 * @return the body, or {@code null} for none
	 */
	public @Nullable T getBody() {
		return this.body;
	}

	/**
	 * Return whether the request is sent as CON.
	 * @return {@code true} for CON, {@code false} for NON, {@code null} for the template's default
	 */
	public @Nullable Boolean getConfirmable() {
		return this.confirmable;
	}

	/**
	 * Return the Accept value.
	 * @return a media type or Content-Format number, or {@code null} for the template's default
	 */
	public @Nullable String getAccept() {
		return this.accept;
	}

	/**
	 * Return the Content-Format the body is written in.
	 * @return a media type or Content-Format number, or {@code null} for the template's default
	 */
	public @Nullable String getContentFormat() {
		return this.contentFormat;
	}

	/**
	 * Return the additional options.
	 * @return the options in the order they were added
	 */
	public List<OptionValue> getOptions() {
		return this.options;
	}

	/**
	 * Return the request timeout.
	 * @return the timeout, or {@code null} for the template's default
	 */
	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return the number of retransmissions of a CON request.
	 * @return the count, or {@code null} for the template's default
	 */
	public @Nullable Integer getMaxRetransmit() {
		return this.maxRetransmit;
	}

	/**
	 * Return the block size of block-wise transfers.
	 * @return the size in bytes, or {@code null} for the template's default
	 */
	public @Nullable Integer getBlockSize() {
		return this.blockSize;
	}

	/**
	 * Return the largest body accepted in a response, and sent in this request.
	 * @return the size in bytes, or {@code null} for the template's default
	 */
	public @Nullable Integer getMaxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Return the Proxy-Uri: the URI of the target when this request is sent to a forward proxy.
	 * @return the Proxy-Uri, or {@code null} for none
	 */
	public @Nullable String getProxyUri() {
		return this.proxyUri;
	}

	/**
	 * Return the forward proxy the request is sent through with a Proxy-Scheme option.
	 * @return the proxy URI, or {@code null} for none
	 */
	public @Nullable URI getProxy() {
		return this.proxy;
	}

	/**
	 * Return the Proxy-Scheme sent to the proxy.
	 * @return the scheme, or {@code null} for the scheme of the request URI
	 */
	public @Nullable String getProxyScheme() {
		return this.proxyScheme;
	}

	/**
	 * Return a description of the request for messages, for instance {@code GET coap://host/path}.
	 * @return the description
	 */
	public String describe() {
		String target = (this.uri != null) ? this.uri.toString() : String.valueOf(this.uriTemplate);
		return this.method + " " + target;
	}

	@Override
	public String toString() {
		return "<" + describe() + ((this.body != null) ? ", " + this.body : "") + ">";
	}

	/**
	 * Start a GET request.
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder get(String uriTemplate, Object... uriVariables) {
		return method(Code.GET, uriTemplate, uriVariables);
	}

	/**
	 * Start a GET request.
	 * @param uri the URI
	 * @return a builder
	 */
	public static Builder get(URI uri) {
		return method(Code.GET, uri);
	}

	/**
	 * Start a POST request.
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder post(String uriTemplate, Object... uriVariables) {
		return method(Code.POST, uriTemplate, uriVariables);
	}

	/**
	 * Start a PUT request.
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder put(String uriTemplate, Object... uriVariables) {
		return method(Code.PUT, uriTemplate, uriVariables);
	}

	/**
	 * Start a DELETE request.
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder delete(String uriTemplate, Object... uriVariables) {
		return method(Code.DELETE, uriTemplate, uriVariables);
	}

	/**
	 * Start a FETCH request (RFC 8132).
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder fetch(String uriTemplate, Object... uriVariables) {
		return method(Code.FETCH, uriTemplate, uriVariables);
	}

	/**
	 * Start a PATCH request (RFC 8132).
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder patch(String uriTemplate, Object... uriVariables) {
		return method(Code.PATCH, uriTemplate, uriVariables);
	}

	/**
	 * Start an iPATCH request (RFC 8132): an idempotent PATCH.
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder iPatch(String uriTemplate, Object... uriVariables) {
		return method(Code.IPATCH, uriTemplate, uriVariables);
	}

	/**
	 * Start a request with any method.
	 * @param method the method
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables, in order
	 * @return a builder
	 */
	public static Builder method(Code method, String uriTemplate, Object... uriVariables) {
		Assert.notNull(uriTemplate, "'uriTemplate' must not be null");
		Assert.notNull(uriVariables, "'uriVariables' must not be null");
		return new Builder(method, null, uriTemplate, uriVariables, null);
	}

	/**
	 * Start a request with any method and named URI variables.
	 * @param method the method
	 * @param uriTemplate the URI, absolute or relative to the base URI, with {@code {variables}}
	 * @param uriVariables the values of the variables by name
	 * @return a builder
	 */
	public static Builder method(Code method, String uriTemplate, Map<String, ?> uriVariables) {
		Assert.notNull(uriTemplate, "'uriTemplate' must not be null");
		Assert.notNull(uriVariables, "'uriVariables' must not be null");
		return new Builder(method, null, uriTemplate, new Object[0], uriVariables);
	}

	/**
	 * Start a request with any method.
	 * @param method the method
	 * @param uri the URI, absolute or relative to the base URI
	 * @return a builder
	 */
	public static Builder method(Code method, URI uri) {
		Assert.notNull(uri, "'uri' must not be null");
		return new Builder(method, uri, null, new Object[0], null);
	}

	/**
	 * A CoAP option given by name or number, with its value.
	 *
	 * @param name the option name as registered, for instance {@code If-Match}; {@code null} when given by
	 * number
	 * @param number the option number, or -1 when given by name
	 * @param value the value: {@code byte[]}, a {@link Number}, a {@link String}, or {@link Boolean#TRUE} for
	 * an empty option
	 */
	public record OptionValue(@Nullable String name, int number, Object value) {

		/**
		 * Validate the components.
		 */
		public OptionValue {
			Assert.isTrue(StringUtils.hasText(name) || number >= 0, "An option needs a name or a number");
			Assert.notNull(value, "'value' must not be null");
		}

		/**
		 * Describe the option for messages.
		 * @return the name or the number
		 */
		public String describe() {
			return (this.name != null) ? this.name : String.valueOf(this.number);
		}

	}

	/**
	 * Builds a {@link CoapRequestEntity}. Not thread-safe.
	 */
	public static final class Builder {

		private final Code method;

		private final @Nullable URI uri;

		private final @Nullable String uriTemplate;

		private final Object[] uriVariables;

		private final @Nullable Map<String, ?> uriVariableMap;

		private @Nullable Boolean confirmable;

		private @Nullable String accept;

		private @Nullable String contentFormat;

		private final List<OptionValue> options = new ArrayList<>();

		private @Nullable Duration timeout;

		private @Nullable Integer maxRetransmit;

		private @Nullable Integer blockSize;

		private @Nullable Integer maxBodySize;

		private @Nullable String proxyUri;

		private @Nullable URI proxy;

		private @Nullable String proxyScheme;

		private Builder(Code method, @Nullable URI uri, @Nullable String uriTemplate, Object[] uriVariables,
				@Nullable Map<String, ?> uriVariableMap) {
			Assert.notNull(method, "'method' must not be null");
			this.method = method;
			this.uri = uri;
			this.uriTemplate = uriTemplate;
			this.uriVariables = uriVariables.clone();
			this.uriVariableMap = uriVariableMap;
		}

		/**
		 * Send the request as CON (retransmitted until acknowledged) or NON.
		 * @param confirmable {@code true} for CON
		 * @return this builder
		 */
		public Builder confirmable(boolean confirmable) {
			this.confirmable = confirmable;
			return this;
		}

		/**
		 * Send the request as NON: no acknowledgement, no retransmission.
		 * @return this builder
		 */
		public Builder nonConfirmable() {
			return confirmable(false);
		}

		/**
		 * Set the Accept option.
		 * @param accept a media type such as {@code application/json}, or a Content-Format number
		 * @return this builder
		 */
		public Builder accept(String accept) {
			Assert.hasText(accept, "'accept' must not be empty");
			this.accept = accept;
			return this;
		}

		/**
		 * Set the Accept option.
		 * @param accept the Content-Format number
		 * @return this builder
		 */
		public Builder accept(int accept) {
			return accept(String.valueOf(accept));
		}

		/**
		 * Set the Content-Format the body is written in.
		 * @param contentFormat a media type such as {@code application/cbor}, or a Content-Format number
		 * @return this builder
		 */
		public Builder contentFormat(String contentFormat) {
			Assert.hasText(contentFormat, "'contentFormat' must not be empty");
			this.contentFormat = contentFormat;
			return this;
		}

		/**
		 * Set the Content-Format the body is written in.
		 * @param contentFormat the Content-Format number
		 * @return this builder
		 */
		public Builder contentFormat(int contentFormat) {
			return contentFormat(String.valueOf(contentFormat));
		}

		/**
		 * Add an option by its registered name, for instance {@code If-Match}, {@code ETag} or a custom option
		 * of the application's option registry; names are matched ignoring case. Repeatable options may be
		 * added several times.
		 * @param name the option name
		 * @param value {@code byte[]}, a {@link Number}, a {@link String}, or {@link Boolean#TRUE} for an empty
		 * option
		 * @return this builder
		 */
		public Builder option(String name, Object value) {
			Assert.hasText(name, "'name' must not be empty");
			this.options.add(new OptionValue(name, -1, value));
			return this;
		}

		/**
		 * Add an option by number; numbers missing from the option registry are sent as opaque options.
		 * @param number the option number
		 * @param value {@code byte[]}, a {@link Number}, a {@link String}, or {@link Boolean#TRUE} for an empty
		 * option
		 * @return this builder
		 */
		public Builder option(int number, Object value) {
			Assert.isTrue(number >= 0 && number <= 0xFFFF, "Option number must be between 0 and 65535");
			this.options.add(new OptionValue(null, number, value));
			return this;
		}

		/**
		 * Set how long to wait for the response, retransmissions and block-wise transfers included.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
					"'timeout' must be positive");
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set how often a CON request is retransmitted before giving up (node-coap's {@code retrySend}).
		 * @param maxRetransmit the number of retransmissions, 0 to 20
		 * @return this builder
		 */
		public Builder maxRetransmit(int maxRetransmit) {
			Assert.isTrue(maxRetransmit >= 0 && maxRetransmit <= 20, "'maxRetransmit' must be between 0 and 20");
			this.maxRetransmit = maxRetransmit;
			return this;
		}

		/**
		 * Set the block size of block-wise transfers: request bodies larger than it are sent in blocks of
		 * this size (Block1), and responses are asked for in blocks of this size (Block2).
		 * @param blockSize a power of two from 16 to 1024 bytes
		 * @return this builder
		 */
		public Builder blockSize(int blockSize) {
			Assert.isTrue(isBlockSize(blockSize), "'blockSize' must be a power of two from 16 to 1024");
			this.blockSize = blockSize;
			return this;
		}

		/**
		 * Set the largest body accepted in the response and sent in this request.
		 * @param maxBodySize the size
		 * @return this builder
		 */
		public Builder maxBodySize(DataSize maxBodySize) {
			Assert.isTrue(maxBodySize != null && maxBodySize.toBytes() > 0
					&& maxBodySize.toBytes() <= Integer.MAX_VALUE, "'maxBodySize' must be between 1B and 2GB");
			this.maxBodySize = (int) maxBodySize.toBytes();
			return this;
		}

		/**
		 * Send the request to a forward proxy with a Proxy-Uri option (node-coap's {@code proxyUri}): the
		 * request URI addresses the proxy and must have no path or query; the proxy forwards the request to
		 * the given target.
		 * @param targetUri the absolute URI of the target, for instance {@code coap://192.168.5.13:6793/temp}
		 * or {@code http://example.org/temp}
		 * @return this builder
		 */
		public Builder proxyUri(String targetUri) {
			Assert.hasText(targetUri, "'targetUri' must not be empty");
			Assert.state(this.proxy == null, "Use either proxyUri(...) or via(...), not both");
			this.proxyUri = targetUri;
			return this;
		}

		/**
		 * Send the request to a forward proxy with a Proxy-Scheme option: the request URI names the target,
		 * whose host, port, path and query are sent as Uri-* options to the given proxy.
		 * @param proxy the URI of the proxy, for instance {@code coap://proxy.local:5683}
		 * @return this builder
		 * @see #proxyScheme(String)
		 */
		public Builder via(String proxy) {
			Assert.hasText(proxy, "'proxy' must not be empty");
			Assert.state(this.proxyUri == null, "Use either proxyUri(...) or via(...), not both");
			this.proxy = URI.create(proxy);
			return this;
		}

		/**
		 * Set the Proxy-Scheme of a request sent {@link #via(String) via} a proxy, for instance {@code http}
		 * for a cross-proxy; by default the scheme of the request URI.
		 * @param scheme the scheme
		 * @return this builder
		 */
		public Builder proxyScheme(String scheme) {
			Assert.hasText(scheme, "'scheme' must not be empty");
			this.proxyScheme = scheme;
			return this;
		}

		/**
		 * Build the request with a body.
		 * @param <T> the body type
		 * @param body the body
		 * @return the request
		 */
		public <T> CoapRequestEntity<T> body(@Nullable T body) {
			Assert.state(this.proxyScheme == null || this.proxy != null,
					"A Proxy-Scheme needs a proxy: call via(...) as well");
			return new CoapRequestEntity<>(this, body);
		}

		/**
		 * Build the request without a body.
		 * @return the request
		 */
		public CoapRequestEntity<Void> build() {
			return body(null);
		}

		private static boolean isBlockSize(int size) {
			return size >= 16 && size <= 1024 && Integer.bitCount(size) == 1
					&& BlockOption.size2Szx(size) >= 0;
		}

	}

}
