package io.coapspring.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import io.coapspring.client.dtls.DtlsClientCredentials;
import io.coapspring.client.observation.CoapClientObservationConvention;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.security.SslBundleKeyMaterial;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Builds {@link CoapTemplate}s. The auto-configured builder is a prototype bean, already configured from
 * the {@code coap.client.*} properties and the {@link CoapTemplateCustomizer} beans; each injection point gets
 * its own copy, so changing one does not affect the others.
 *
 * <pre class="code">
 * CoapTemplate devices = builder.baseUri("coap://[fd00::7]")
 *     .timeout(Duration.ofSeconds(5))
 *     .accept("application/cbor")
 *     .dedicatedEndpoints()
 *     .build();
 * CoapTemplate secure = builder.baseUri("coaps://gateway.local")
 *     .pskIdentity("gateway-7", "secret")
 *     .build();
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTemplateBuilder {

	private static final String SCANDIUM_CONNECTOR = "org.eclipse.californium.scandium.DTLSConnector";

	private final CoapClientEndpoints sharedEndpoints;

	private CoapMessageConverters messageConverters;

	private final List<CoapMessageConverter> additionalConverters = new ArrayList<>();

	private @Nullable String baseUri;

	private Duration timeout = Duration.ofSeconds(30);

	private boolean confirmable = true;

	private @Nullable String accept;

	private @Nullable String contentFormat;

	private @Nullable Integer maxRetransmit;

	private int blockSize;

	private int maxBodySize;

	private Duration multicastWindow = Duration.ofSeconds(6);

	private @Nullable String multicastInterface;

	private @Nullable Endpoint endpoint;

	private boolean dedicatedEndpoints;

	private @Nullable Executor callbackExecutor;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable CoapClientObservationConvention observationConvention;

	private @Nullable String pskIdentity;

	private byte @Nullable [] pskSecret;

	private @Nullable SslBundleKeyMaterial sslBundleKeyMaterial;

	private @Nullable SslBundle tlsBundle;

	/**
	 * Create a builder with default settings.
	 * @param endpoints the shared endpoints templates send from unless told otherwise
	 * @param messageConverters the converters of payloads
	 */
	public CoapTemplateBuilder(CoapClientEndpoints endpoints, CoapMessageConverters messageConverters) {
		Assert.notNull(endpoints, "'endpoints' must not be null");
		Assert.notNull(messageConverters, "'messageConverters' must not be null");
		this.sharedEndpoints = endpoints;
		this.messageConverters = messageConverters;
	}

	/**
	 * Create a builder with the settings of another one.
	 * @param other the builder to copy
	 */
	public CoapTemplateBuilder(CoapTemplateBuilder other) {
		Assert.notNull(other, "'other' must not be null");
		this.sharedEndpoints = other.sharedEndpoints;
		this.messageConverters = other.messageConverters;
		this.additionalConverters.addAll(other.additionalConverters);
		this.baseUri = other.baseUri;
		this.timeout = other.timeout;
		this.confirmable = other.confirmable;
		this.accept = other.accept;
		this.contentFormat = other.contentFormat;
		this.maxRetransmit = other.maxRetransmit;
		this.blockSize = other.blockSize;
		this.maxBodySize = other.maxBodySize;
		this.multicastWindow = other.multicastWindow;
		this.multicastInterface = other.multicastInterface;
		this.endpoint = other.endpoint;
		this.dedicatedEndpoints = other.dedicatedEndpoints;
		this.callbackExecutor = other.callbackExecutor;
		this.observationRegistry = other.observationRegistry;
		this.observationConvention = other.observationConvention;
		this.pskIdentity = other.pskIdentity;
		this.pskSecret = other.pskSecret;
		this.sslBundleKeyMaterial = other.sslBundleKeyMaterial;
		this.tlsBundle = other.tlsBundle;
	}

	/**
	 * Set the base URI relative URIs are resolved against.
	 * @param baseUri an absolute URI such as {@code coap://[fd00::7]:5683/api}, {@code null} for none
	 * @return this builder
	 */
	public CoapTemplateBuilder baseUri(@Nullable String baseUri) {
		Assert.isTrue(baseUri == null || baseUri.contains("://"), () -> "Base URI '" + baseUri + "' is not absolute");
		this.baseUri = baseUri;
		return this;
	}

	/**
	 * Set how long to wait for a response, retransmissions and block-wise transfers included.
	 * @param timeout the timeout
	 * @return this builder
	 */
	public CoapTemplateBuilder timeout(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.timeout = timeout;
		return this;
	}

	/**
	 * Set whether requests are sent as CON (retransmitted until acknowledged) or NON.
	 * @param confirmable {@code true} for CON
	 * @return this builder
	 */
	public CoapTemplateBuilder confirmable(boolean confirmable) {
		this.confirmable = confirmable;
		return this;
	}

	/**
	 * Set the Accept option sent with every request that sets none itself.
	 * @param accept a media type or a Content-Format number, {@code null} for none
	 * @return this builder
	 */
	public CoapTemplateBuilder accept(@Nullable String accept) {
		this.accept = accept;
		return this;
	}

	/**
	 * Set the Content-Format request bodies are written in when a request sets none itself.
	 * @param contentFormat a media type or a Content-Format number, {@code null} to let the converters choose
	 * @return this builder
	 */
	public CoapTemplateBuilder contentFormat(@Nullable String contentFormat) {
		this.contentFormat = contentFormat;
		return this;
	}

	/**
	 * Set how often a CON request is retransmitted before giving up.
	 * @param maxRetransmit 0 to 20, {@code null} for {@code coap.network.max-retransmit}
	 * @return this builder
	 */
	public CoapTemplateBuilder maxRetransmit(@Nullable Integer maxRetransmit) {
		Assert.isTrue(maxRetransmit == null || (maxRetransmit >= 0 && maxRetransmit <= 20),
				"'maxRetransmit' must be between 0 and 20");
		this.maxRetransmit = maxRetransmit;
		return this;
	}

	/**
	 * Set the block size of block-wise transfers.
	 * @param blockSize a power of two from 16 to 1024 bytes, {@code null} for
	 * {@code coap.blockwise.preferred-block-size}
	 * @return this builder
	 */
	public CoapTemplateBuilder blockSize(@Nullable DataSize blockSize) {
		if (blockSize == null) {
			this.blockSize = 0;
			return this;
		}
		long size = blockSize.toBytes();
		Assert.isTrue(size >= 16 && size <= 1024 && Long.bitCount(size) == 1 && BlockOption.size2Szx((int) size) >= 0,
				"'blockSize' must be a power of two from 16B to 1024B");
		this.blockSize = (int) size;
		return this;
	}

	/**
	 * Set the largest body accepted in a response or sent in a request.
	 * @param maxBodySize the size, {@code null} for {@code coap.blockwise.max-resource-body-size}
	 * @return this builder
	 */
	public CoapTemplateBuilder maxBodySize(@Nullable DataSize maxBodySize) {
		Assert.isTrue(maxBodySize == null || (maxBodySize.toBytes() > 0 && maxBodySize.toBytes() <= Integer.MAX_VALUE),
				"'maxBodySize' must be between 1B and 2GB");
		this.maxBodySize = (maxBodySize != null) ? (int) maxBodySize.toBytes() : 0;
		return this;
	}

	/**
	 * Set how long {@link CoapTemplate#discover(String, String)} on a multicast group collects responses. It
	 * should exceed the leisure by which servers delay their answers to multicast requests, 5 s by default
	 * (RFC 7252 section 8.2).
	 * @param multicastWindow the window
	 * @return this builder
	 */
	public CoapTemplateBuilder multicastWindow(Duration multicastWindow) {
		Assert.isTrue(multicastWindow != null && !multicastWindow.isNegative() && !multicastWindow.isZero(),
				"'multicastWindow' must be positive");
		this.multicastWindow = multicastWindow;
		return this;
	}

	/**
	 * Set the network interface multicast requests leave from, for a host with several interfaces: requests to
	 * a multicast group are sent from an endpoint of the shared (or dedicated) endpoints whose socket has that
	 * outgoing multicast interface. Unicast requests are not affected, nor is a template built with
	 * {@link #endpoint(Endpoint)}, whose endpoint is used as it is.
	 * @param multicastInterface the interface name, for instance {@code eth0}, {@code null} to let the
	 * operating system choose by its routes
	 * @return this builder
	 */
	public CoapTemplateBuilder multicastInterface(@Nullable String multicastInterface) {
		Assert.isTrue(multicastInterface == null || !multicastInterface.isBlank(),
				"'multicastInterface' must not be blank");
		this.multicastInterface = multicastInterface;
		return this;
	}

	/**
	 * Replace the converters of payloads.
	 * @param messageConverters the converters
	 * @return this builder
	 */
	public CoapTemplateBuilder messageConverters(CoapMessageConverters messageConverters) {
		Assert.notNull(messageConverters, "'messageConverters' must not be null");
		this.messageConverters = messageConverters;
		this.additionalConverters.clear();
		return this;
	}

	/**
	 * Add converters, consulted before the others.
	 * @param converters the converters, in order
	 * @return this builder
	 */
	public CoapTemplateBuilder additionalMessageConverters(CoapMessageConverter... converters) {
		Assert.noNullElements(converters, "'converters' must not contain null elements");
		this.additionalConverters.addAll(Arrays.asList(converters));
		return this;
	}

	/**
	 * Send every request from the given endpoint, for instance one of the server's so that requests leave
	 * from the server's port. Endpoint and executors are shut down by {@link CoapTemplate#close()} only if
	 * the template had to start the endpoint.
	 * @param endpoint the endpoint, {@code null} to use the shared endpoints again
	 * @return this builder
	 */
	public CoapTemplateBuilder endpoint(@Nullable Endpoint endpoint) {
		this.endpoint = endpoint;
		this.dedicatedEndpoints = false;
		return this;
	}

	/**
	 * Give the template its own endpoints instead of the shared ones (node-coap's {@code new Agent()}):
	 * its own sockets and threads, closed by {@link CoapTemplate#close()}, which Spring calls for a template
	 * bean.
	 * @return this builder
	 */
	public CoapTemplateBuilder dedicatedEndpoints() {
		this.dedicatedEndpoints = true;
		this.endpoint = null;
		return this;
	}

	/**
	 * Set the executor that converts asynchronous responses, completes futures and delivers notifications.
	 * @param callbackExecutor the executor, {@code null} for the endpoints' own
	 * @return this builder
	 */
	public CoapTemplateBuilder callbackExecutor(@Nullable Executor callbackExecutor) {
		this.callbackExecutor = callbackExecutor;
		return this;
	}

	/**
	 * Set the registry that observes each request (the {@code coap.client.requests} timer, and a client span when
	 * a tracer is present). Observe relations and multicast requests are not observed.
	 * @param observationRegistry the registry, {@link ObservationRegistry#NOOP} to observe nothing
	 * @return this builder
	 */
	public CoapTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set the pre-shared key (PSK) that {@code coaps://} requests authenticate with in DTLS handshakes.
	 * @param identity the PSK identity the template presents
	 * @param secret the secret key bytes, copied
	 * @return this builder
	 * @throws IllegalArgumentException if the identity or the secret is empty
	 */
	public CoapTemplateBuilder pskIdentity(String identity, byte[] secret) {
		Assert.hasLength(identity, "'identity' must not be empty");
		Assert.isTrue(secret != null && secret.length > 0,
				() -> "The secret of PSK identity '" + identity + "' must not be empty");
		this.pskIdentity = identity;
		this.pskSecret = secret.clone();
		return this;
	}

	/**
	 * Set the convention that names and tags the observations of requests.
	 * @param observationConvention the convention, {@code null} for the
	 * {@link io.coapspring.client.observation.DefaultCoapClientObservationConvention default one}
	 * @return this builder
	 */
	public CoapTemplateBuilder observationConvention(@Nullable CoapClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set the pre-shared key (PSK) that {@code coaps://} requests authenticate with, the secret given as text.
	 * @param identity the PSK identity the template presents
	 * @param secret the secret, whose UTF-8 bytes are the key
	 * @return this builder
	 * @throws IllegalArgumentException if the identity or the secret is empty
	 */
	public CoapTemplateBuilder pskIdentity(String identity, String secret) {
		Assert.notNull(secret, "'secret' must not be null");
		return pskIdentity(identity, secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Set the SSL bundle of {@code coaps://} requests with X.509 certificates: its trust store holds the CA
	 * certificates that server certificates must chain to; its key store, if it has one, the template's own
	 * private key and certificate chain for servers that authenticate clients. The key material is read now.
	 * @param bundle the bundle, for instance {@code sslBundles.getBundle("devices")}, {@code null} to remove it
	 * @return this builder
	 * @throws IllegalArgumentException if the bundle has no trust store with certificates, or its stores
	 * cannot be read
	 */
	public CoapTemplateBuilder sslBundle(@Nullable SslBundle bundle) {
		if (bundle == null) {
			this.sslBundleKeyMaterial = null;
			return this;
		}
		SslBundleKeyMaterial keyMaterial = SslBundleKeyMaterial.of(bundle);
		DtlsClientCredentials.x509(keyMaterial); // fails if the bundle trusts no certificate
		this.sslBundleKeyMaterial = keyMaterial;
		return this;
	}

	/**
	 * Set the SSL bundle of {@code coaps+tcp://} requests (CoAP over TLS, RFC 8323): its trust store holds the
	 * certificates that server certificates must chain to (without one, the JDK's default trusted
	 * certificates), its key store, if it has one, the template's own key and certificate chain for servers
	 * that authenticate clients. Server certificates must also name the host of the URI (its IP address for an
	 * IP literal). Templates with the same bundle instance share one TLS connection per server.
	 * @param bundle the bundle, for instance {@code sslBundles.getBundle("gateway")}, {@code null} to remove it
	 * @return this builder
	 */
	public CoapTemplateBuilder tlsBundle(@Nullable SslBundle bundle) {
		this.tlsBundle = bundle;
		return this;
	}

	/**
	 * Return the SSL bundle of {@code coaps+tcp://} requests.
	 * @return the bundle, or {@code null} if there is none
	 */
	@Nullable SslBundle getTlsBundle() {
		return this.tlsBundle;
	}

	/**
	 * Remove the pre-shared key and the SSL bundle, for a template that sends no {@code coaps://} requests or
	 * gets its credentials set anew.
	 * @return this builder
	 */
	public CoapTemplateBuilder noDtlsCredentials() {
		this.pskIdentity = null;
		this.pskSecret = null;
		this.sslBundleKeyMaterial = null;
		return this;
	}

	/**
	 * Apply a customizer.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public CoapTemplateBuilder apply(CoapTemplateCustomizer customizer) {
		Assert.notNull(customizer, "'customizer' must not be null");
		customizer.customize(this);
		return this;
	}

	/**
	 * Build a template.
	 * @return the template
	 * @throws IllegalArgumentException if the Accept or Content-Format names no known Content-Format
	 * @throws IllegalStateException if DTLS credentials are set but Eclipse Californium Scandium is not on the
	 * classpath
	 */
	public CoapTemplate build() {
		DtlsClientCredentials credentials = dtlsCredentials();
		CoapMessageConverters converters = this.messageConverters;
		if (!this.additionalConverters.isEmpty()) {
			List<CoapMessageConverter> all = new ArrayList<>(this.additionalConverters);
			all.addAll(converters.getConverters());
			converters = new CoapMessageConverters(all, converters.getContentFormats());
		}
		CoapContentFormats formats = converters.getContentFormats();
		Integer acceptFormat = (this.accept != null) ? formats.resolve(this.accept) : null;
		Integer bodyFormat = (this.contentFormat != null) ? formats.resolve(this.contentFormat) : null;
		ClientDefaults defaults = new ClientDefaults(this.timeout, this.confirmable, acceptFormat, bodyFormat,
				this.maxRetransmit, this.blockSize, this.maxBodySize, this.multicastWindow, this.multicastInterface);
		CoapClientEndpoints endpoints = this.sharedEndpoints;
		boolean owned = false;
		if (this.endpoint != null) {
			endpoints = CoapClientEndpoints.forEndpoint(this.endpoint, this.sharedEndpoints.getOptionRegistry());
			owned = true;
		}
		else if (this.dedicatedEndpoints) {
			endpoints = this.sharedEndpoints.createDedicated();
			owned = true;
		}
		return new CoapTemplate(new CoapTemplateBuilder(this), endpoints, owned, converters, defaults, this.baseUri,
				this.callbackExecutor, credentials,
				new RequestObservations(this.observationRegistry, this.observationConvention));
	}

	private @Nullable DtlsClientCredentials dtlsCredentials() {
		DtlsClientCredentials credentials = null;
		if (this.sslBundleKeyMaterial != null) {
			credentials = DtlsClientCredentials.x509(this.sslBundleKeyMaterial);
		}
		if (this.pskIdentity != null && this.pskSecret != null) {
			credentials = (credentials != null) ? credentials.withPsk(this.pskIdentity, this.pskSecret)
					: DtlsClientCredentials.psk(this.pskIdentity, this.pskSecret);
		}
		if (credentials != null && !ClassUtils.isPresent(SCANDIUM_CONNECTOR, CoapTemplateBuilder.class.getClassLoader())) {
			throw new IllegalStateException("coaps:// requests need Eclipse Californium Scandium on the classpath: add"
					+ " the dependency 'org.eclipse.californium:scandium' to use DTLS credentials");
		}
		return credentials;
	}

}
