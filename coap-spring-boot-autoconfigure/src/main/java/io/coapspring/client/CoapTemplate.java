package io.coapspring.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.coapspring.client.discovery.CoapNode;
import io.coapspring.client.discovery.LinkFormatParser;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.client.discovery.WebLinkFilter;
import io.coapspring.client.dtls.DtlsClientCredentials;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * The CoAP client of an application: {@code RestTemplate}'s programming model for CoAP (RFC 7252), with
 * FETCH, PATCH and iPATCH (RFC 8132), observation (RFC 7641), block-wise transfers (RFC 7959), multicast
 * and resource discovery (RFC 6690), on Eclipse Californium; {@code coaps://} over DTLS (Eclipse Californium
 * Scandium) with the template's {@link DtlsClientCredentials}; {@code coap+tcp://} and {@code coaps+tcp://}
 * over TCP and TLS (RFC 8323, the latter with the template's {@link CoapTemplateBuilder#tlsBundle TLS bundle})
 * and {@code coap+ws://} over WebSockets.
 * <p>
 * A template is immutable and thread-safe. Build one with a {@link CoapTemplateBuilder}, the auto-configured
 * prototype bean, or inject the auto-configured template. Payloads are converted by the same
 * {@link CoapMessageConverters} as the server's. Requests leave from the shared client endpoints, or from
 * the template's own endpoints when it was built with {@link CoapTemplateBuilder#dedicatedEndpoints()};
 * {@link #close()} closes those.
 * <p>
 * Synchronous methods convert the response on the calling thread; asynchronous ones, observations and
 * multicast convert it on the callback executor, never on Californium's protocol threads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapOperations
 */
public class CoapTemplate implements CoapOperations, AutoCloseable {

	private static final Log logger = LogFactory.getLog(CoapTemplate.class);

	private static final String WELL_KNOWN_CORE = "/.well-known/core";

	/**
	 * The link attribute that names a node: the endpoint name of RFC 9176.
	 */
	private static final String ENDPOINT_NAME = "ep";

	private final CoapClientEndpoints endpoints;

	private final boolean ownsEndpoints;

	private final CoapMessageConverters converters;

	private final ClientDefaults defaults;

	private final RequestFactory requestFactory;

	private final ResponseExtractor extractor;

	private final @Nullable Executor callbackExecutor;

	private final CoapTemplateBuilder builderSnapshot;

	private final @Nullable DtlsClientCredentials dtlsCredentials;

	private final RequestObservations observations;

	CoapTemplate(CoapTemplateBuilder builder, CoapClientEndpoints endpoints, boolean ownsEndpoints,
			CoapMessageConverters converters, ClientDefaults defaults, @Nullable String baseUri,
			@Nullable Executor callbackExecutor, @Nullable DtlsClientCredentials dtlsCredentials,
			RequestObservations observations) {
		this.builderSnapshot = builder;
		this.dtlsCredentials = dtlsCredentials;
		this.observations = observations;
		this.endpoints = endpoints;
		this.ownsEndpoints = ownsEndpoints;
		this.converters = converters;
		this.defaults = defaults;
		this.requestFactory = new RequestFactory(defaults, new UriTemplateExpander(baseUri), converters,
				new OptionFactory(endpoints.getOptionRegistry()), endpoints.getConfiguration(),
				endpoints.getRequestInitializer());
		this.extractor = new ResponseExtractor(converters);
		this.callbackExecutor = callbackExecutor;
	}

	/**
	 * Return a builder initialized with the settings of this template, to derive another one.
	 * @return a new builder
	 */
	public CoapTemplateBuilder mutate() {
		return new CoapTemplateBuilder(this.builderSnapshot);
	}

	private Executor callbackExecutor() {
		return (this.callbackExecutor != null) ? this.callbackExecutor : this.endpoints.getCallbackExecutor();
	}

	/**
	 * Return the converters.
	 * @return the converters
	 */
	public CoapMessageConverters getMessageConverters() {
		return this.converters;
	}

	/**
	 * Return the endpoints requests are sent from.
	 * @return the endpoints
	 */
	public CoapClientEndpoints getEndpoints() {
		return this.endpoints;
	}

	/**
	 * Return the credentials {@code coaps://} requests authenticate with.
	 * @return the credentials, or {@code null} if the template has none and sends no {@code coaps://}
	 * requests
	 */
	public @Nullable DtlsClientCredentials getDtlsCredentials() {
		return this.dtlsCredentials;
	}

	/**
	 * Return the SSL bundle {@code coaps+tcp://} requests trust servers with and authenticate with.
	 * @return the bundle, or {@code null} if the template has none and sends no {@code coaps+tcp://} requests
	 */
	public @Nullable SslBundle getTlsBundle() {
		return this.builderSnapshot.getTlsBundle();
	}

	// GET

	@Override
	public <T> @Nullable T getForObject(String uri, Class<T> responseType, Object... uriVariables) {
		return getForEntity(uri, responseType, uriVariables).getBody();
	}

	@Override
	public <T> @Nullable T getForObject(String uri, Class<T> responseType, Map<String, ?> uriVariables) {
		return exchange(CoapRequestEntity.method(Code.GET, uri, uriVariables).build(), responseType).getBody();
	}

	@Override
	public <T> @Nullable T getForObject(URI uri, Class<T> responseType) {
		return getForEntity(uri, responseType).getBody();
	}

	@Override
	public <T> CoapResponseEntity<T> getForEntity(String uri, Class<T> responseType, Object... uriVariables) {
		return exchange(CoapRequestEntity.get(uri, uriVariables).build(), responseType);
	}

	@Override
	public <T> CoapResponseEntity<T> getForEntity(URI uri, Class<T> responseType) {
		return exchange(CoapRequestEntity.get(uri).build(), responseType);
	}

	// POST, PUT, DELETE, FETCH, PATCH, iPATCH

	@Override
	public @Nullable URI postForLocation(String uri, @Nullable Object payload, Object... uriVariables) {
		CoapRequestEntity<?> request = CoapRequestEntity.post(uri, uriVariables).body(payload);
		PreparedRequest prepared = this.requestFactory.create(request);
		Response response = await(send(prepared), prepared);
		return location(prepared.uri(), extract(response, ResolvableType.forClass(Void.class), prepared));
	}

	@Override
	public <T> @Nullable T postForObject(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables) {
		return postForEntity(uri, payload, responseType, uriVariables).getBody();
	}

	@Override
	public <T> CoapResponseEntity<T> postForEntity(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables) {
		return exchange(CoapRequestEntity.post(uri, uriVariables).body(payload), responseType);
	}

	@Override
	public void put(String uri, @Nullable Object payload, Object... uriVariables) {
		exchange(CoapRequestEntity.put(uri, uriVariables).body(payload), Void.class);
	}

	@Override
	public void delete(String uri, Object... uriVariables) {
		exchange(CoapRequestEntity.delete(uri, uriVariables).build(), Void.class);
	}

	@Override
	public <T> @Nullable T fetch(String uri, @Nullable Object payload, Class<T> responseType, Object... uriVariables) {
		return exchange(CoapRequestEntity.fetch(uri, uriVariables).body(payload), responseType).getBody();
	}

	@Override
	public <T> @Nullable T patch(String uri, @Nullable Object payload, Class<T> responseType, Object... uriVariables) {
		return exchange(CoapRequestEntity.patch(uri, uriVariables).body(payload), responseType).getBody();
	}

	@Override
	public void iPatch(String uri, @Nullable Object payload, Object... uriVariables) {
		exchange(CoapRequestEntity.iPatch(uri, uriVariables).body(payload), Void.class);
	}

	// exchange

	@Override
	public <T> CoapResponseEntity<T> exchange(CoapRequestEntity<?> request, Class<T> responseType) {
		Assert.notNull(responseType, "'responseType' must not be null");
		return exchange(request, ResolvableType.forClass(responseType));
	}

	@Override
	public <T> CoapResponseEntity<T> exchange(CoapRequestEntity<?> request, ParameterizedTypeReference<T> responseType) {
		Assert.notNull(responseType, "'responseType' must not be null");
		return exchange(request, ResolvableType.forType(responseType));
	}

	private <T> CoapResponseEntity<T> exchange(CoapRequestEntity<?> request, ResolvableType responseType) {
		Assert.notNull(request, "'request' must not be null");
		PreparedRequest prepared = this.requestFactory.create(request);
		return extract(await(send(prepared), prepared), responseType, prepared);
	}

	private CompletableFuture<Response> send(PreparedRequest prepared) {
		return this.observations.observe(prepared, () -> {
			Endpoint endpoint = endpoint(prepared, prepared.blockSize());
			CompletableFuture<Response> response = RequestExecution.send(prepared, endpoint, this.endpoints);
			if (prepared.secure() && !prepared.tcp()) {
				response.whenComplete((result, ex) -> {
					if (ex instanceof CoapTimeoutException) {
						this.endpoints.markDtlsSessionStale(endpoint, prepared.destination());
					}
				});
			}
			return response;
		});
	}

	private Endpoint endpoint(PreparedRequest prepared, int blockSize) {
		InetAddress address = prepared.destination().getAddress();
		if (prepared.tcp()) {
			return prepared.secure() ? this.endpoints.getTlsEndpoint(tlsBundle(prepared))
					: this.endpoints.getTcpEndpoint();
		}
		if (prepared.webSocket()) {
			return this.endpoints.getWebSocketEndpoint();
		}
		if (!prepared.secure()) {
			return address.isMulticastAddress()
					? this.endpoints.getMulticastEndpoint(address, this.defaults.multicastInterface())
					: this.endpoints.getEndpoint(address, blockSize);
		}
		if (this.dtlsCredentials == null) {
			throw new IllegalStateException("Cannot send " + prepared.describe() + ": the template has no DTLS"
					+ " credentials; build it with pskIdentity(...) or sslBundle(...), or set coap.client.dtls.*");
		}
		Endpoint endpoint = this.endpoints.getSecureEndpoint(address, blockSize, this.dtlsCredentials);
		if (this.endpoints.takeStaleDtlsSession(endpoint, prepared.destination())) {
			Request request = prepared.request();
			request.setDestinationContext(MapBasedEndpointContext.addEntries(request.getDestinationContext(),
					DtlsEndpointContext.ATTRIBUTE_HANDSHAKE_MODE_FORCE));
		}
		return endpoint;
	}

	private SslBundle tlsBundle(PreparedRequest prepared) {
		SslBundle bundle = getTlsBundle();
		if (bundle == null) {
			throw new IllegalStateException("Cannot send " + prepared.describe() + ": the template has no TLS"
					+ " trust; build it with tlsBundle(...), or set coap.client.tls.ssl-bundle");
		}
		return bundle;
	}

	private <T> CoapResponseEntity<T> extract(Response response, ResolvableType responseType,
			PreparedRequest prepared) {
		return this.extractor.extract(response, responseType, prepared.describe(), prepared.accept());
	}

	private static <R> R await(CompletableFuture<R> future, PreparedRequest prepared) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new CoapClientException(prepared.describe() + " was interrupted", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				return rethrow(runtime);
			}
			throw new CoapClientException(prepared.describe() + " failed", cause);
		}
	}

	/**
	 * Rethrow an exception completed on another thread, with the stack of the caller as a suppressed trace.
	 */
	private static <R> R rethrow(RuntimeException ex) {
		ex.addSuppressed(new CoapClientException("Awaited by thread " + Thread.currentThread().getName()));
		throw ex;
	}

	// asynchronous

	@Override
	public <T> CompletableFuture<@Nullable T> getForObjectAsync(String uri, Class<T> responseType,
			Object... uriVariables) {
		return bodyAsync(CoapRequestEntity.get(uri, uriVariables).build(), responseType);
	}

	@Override
	public <T> CompletableFuture<CoapResponseEntity<T>> getForEntityAsync(String uri, Class<T> responseType,
			Object... uriVariables) {
		return exchangeAsync(CoapRequestEntity.get(uri, uriVariables).build(), responseType);
	}

	@Override
	public CompletableFuture<@Nullable URI> postForLocationAsync(String uri, @Nullable Object payload,
			Object... uriVariables) {
		CoapRequestEntity<?> request = CoapRequestEntity.post(uri, uriVariables).body(payload);
		PreparedRequest prepared = this.requestFactory.create(request);
		return async(prepared, ResolvableType.forClass(Void.class),
				(response) -> location(prepared.uri(), response));
	}

	@Override
	public <T> CompletableFuture<@Nullable T> postForObjectAsync(String uri, @Nullable Object payload,
			Class<T> responseType, Object... uriVariables) {
		return bodyAsync(CoapRequestEntity.post(uri, uriVariables).body(payload), responseType);
	}

	@Override
	public <T> CompletableFuture<CoapResponseEntity<T>> postForEntityAsync(String uri, @Nullable Object payload,
			Class<T> responseType, Object... uriVariables) {
		return exchangeAsync(CoapRequestEntity.post(uri, uriVariables).body(payload), responseType);
	}

	@Override
	public CompletableFuture<Void> putAsync(String uri, @Nullable Object payload, Object... uriVariables) {
		return exchangeAsync(CoapRequestEntity.put(uri, uriVariables).body(payload), ResolvableType.forClass(Void.class),
				(response) -> null);
	}

	@Override
	public CompletableFuture<Void> deleteAsync(String uri, Object... uriVariables) {
		return exchangeAsync(CoapRequestEntity.delete(uri, uriVariables).build(), ResolvableType.forClass(Void.class),
				(response) -> null);
	}

	@Override
	public <T> CompletableFuture<@Nullable T> fetchAsync(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables) {
		return bodyAsync(CoapRequestEntity.fetch(uri, uriVariables).body(payload), responseType);
	}

	@Override
	public <T> CompletableFuture<@Nullable T> patchAsync(String uri, @Nullable Object payload, Class<T> responseType,
			Object... uriVariables) {
		return bodyAsync(CoapRequestEntity.patch(uri, uriVariables).body(payload), responseType);
	}

	@Override
	public CompletableFuture<Void> iPatchAsync(String uri, @Nullable Object payload, Object... uriVariables) {
		return exchangeAsync(CoapRequestEntity.iPatch(uri, uriVariables).body(payload),
				ResolvableType.forClass(Void.class), (response) -> null);
	}

	@Override
	public <T> CompletableFuture<CoapResponseEntity<T>> exchangeAsync(CoapRequestEntity<?> request,
			Class<T> responseType) {
		Assert.notNull(responseType, "'responseType' must not be null");
		return exchangeAsync(request, ResolvableType.forClass(responseType), CoapTemplate::<T>cast);
	}

	@Override
	public <T> CompletableFuture<CoapResponseEntity<T>> exchangeAsync(CoapRequestEntity<?> request,
			ParameterizedTypeReference<T> responseType) {
		Assert.notNull(responseType, "'responseType' must not be null");
		return exchangeAsync(request, ResolvableType.forType(responseType), CoapTemplate::<T>cast);
	}

	private <T> CompletableFuture<@Nullable T> bodyAsync(CoapRequestEntity<?> request, Class<T> responseType) {
		return this.<T, @Nullable T>exchangeAsync(request, ResolvableType.forClass(responseType),
				CoapResponseEntity::getBody);
	}

	@SuppressWarnings("unchecked")
	private static <T> CoapResponseEntity<T> cast(CoapResponseEntity<?> response) {
		return (CoapResponseEntity<T>) response;
	}

	@SuppressWarnings("unchecked")
	private <T, R> CompletableFuture<R> exchangeAsync(CoapRequestEntity<?> request, ResolvableType responseType,
			Function<CoapResponseEntity<T>, R> finisher) {
		Assert.notNull(request, "'request' must not be null");
		PreparedRequest prepared = this.requestFactory.create(request);
		return async(prepared, responseType, (response) -> finisher.apply((CoapResponseEntity<T>) response));
	}

	/**
	 * Send a request, convert its response on the callback executor and complete the returned future there;
	 * cancelling the returned future cancels the request.
	 */
	private <R> CompletableFuture<R> async(PreparedRequest prepared, ResolvableType responseType,
			Function<CoapResponseEntity<?>, R> finisher) {
		CompletableFuture<R> result = new CompletableFuture<>();
		CompletableFuture<Response> sent = send(prepared);
		sent.whenCompleteAsync((response, ex) -> {
			if (ex != null) {
				result.completeExceptionally(unwrap(ex));
				return;
			}
			try {
				result.complete(finisher.apply(extract(response, responseType, prepared)));
			}
			catch (RuntimeException failure) {
				result.completeExceptionally(failure);
			}
		}, callbackExecutor()).exceptionally((rejected) -> {
			// the callback executor refused the task, for instance while shutting down
			result.completeExceptionally(unwrap(rejected));
			return null;
		});
		result.whenComplete((value, ex) -> {
			if (result.isCancelled()) {
				sent.cancel(true);
			}
		});
		return result;
	}

	private static Throwable unwrap(Throwable ex) {
		if ((ex instanceof CompletionException || ex instanceof ExecutionException) && ex.getCause() != null) {
			return ex.getCause();
		}
		return ex;
	}

	private static @Nullable URI location(URI requestUri, CoapResponseEntity<?> response) {
		String path = response.getLocationPath();
		String query = response.getLocationQuery();
		if (path.isEmpty() && query.isEmpty()) {
			return null;
		}
		StringBuilder location = new StringBuilder("/");
		for (String segment : path.split("/", -1)) {
			if (location.length() > 1) {
				location.append('/');
			}
			location.append(UriTemplateExpander.encodeValue(segment));
		}
		if (!query.isEmpty()) {
			location.append('?');
			String[] arguments = query.split("&");
			for (int i = 0; i < arguments.length; i++) {
				location.append((i > 0) ? "&" : "").append(UriTemplateExpander.encodeValue(arguments[i])
					.replace("%3D", "="));
			}
		}
		return requestUri.resolve(location.toString());
	}

	// observe

	@Override
	public <T> CoapObservation<T> observe(String uri, Class<T> type, Consumer<? super @Nullable T> onNext) {
		return observe(uri, type, onNext, (error) -> logger.warn("Observation of " + uri + " failed", error));
	}

	@Override
	public <T> CoapObservation<T> observe(String uri, Class<T> type, Consumer<? super @Nullable T> onNext,
			Consumer<? super Throwable> onError) {
		Assert.notNull(onNext, "'onNext' must not be null");
		Assert.notNull(onError, "'onError' must not be null");
		return observe(CoapRequestEntity.get(URI.create(uri)).build(), type, new CoapObservationListener<T>() {

			@Override
			public void onNext(@Nullable T value) {
				onNext.accept(value);
			}

			@Override
			public void onError(Throwable error) {
				onError.accept(error);
			}

		});
	}

	@Override
	public <T> CoapObservation<T> observe(CoapRequestEntity<?> request, Class<T> type,
			CoapObservationListener<? super T> listener) {
		Assert.notNull(type, "'type' must not be null");
		return observe(request, ResolvableType.forClass(type), listener);
	}

	@Override
	public <T> CoapObservation<T> observe(CoapRequestEntity<?> request, ParameterizedTypeReference<T> type,
			CoapObservationListener<? super T> listener) {
		Assert.notNull(type, "'type' must not be null");
		return observe(request, ResolvableType.forType(type), listener);
	}

	private <T> CoapObservation<T> observe(CoapRequestEntity<?> request, ResolvableType type,
			CoapObservationListener<? super T> listener) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		// Californium's ClientObserveRelation re-registers and deregisters with GET, so FETCH cannot observe
		Assert.isTrue(request.getMethod() == Code.GET,
				() -> "Only GET requests can observe, not " + request.getMethod());
		PreparedRequest prepared = this.requestFactory.create(request);
		Assert.isTrue(!prepared.request().isMulticast(), "Observing a multicast group is not supported");
		Endpoint endpoint = endpoint(prepared, prepared.blockSize());
		return new ClientObservation<T>(prepared, endpoint, this.endpoints, callbackExecutor(), this.extractor, type,
				listener).start();
	}

	// multicast and discovery

	@Override
	public <T> List<CoapMulticastResponse<T>> multicast(String uri, Class<T> responseType, Duration window) {
		CoapRequestEntity<Void> request = CoapRequestEntity.get(uri).nonConfirmable().build();
		PreparedRequest prepared = this.requestFactory.create(request);
		CompletableFuture<List<Response>> responses = sendMulticast(prepared, window);
		List<Response> received = await(responses, prepared);
		return toMulticastResponses(received, ResolvableType.forClass(responseType), prepared);
	}

	@Override
	public <T> CompletableFuture<List<CoapMulticastResponse<T>>> multicastAsync(CoapRequestEntity<?> request,
			Class<T> responseType, Duration window) {
		Assert.notNull(request, "'request' must not be null");
		PreparedRequest prepared = this.requestFactory.create(request);
		CompletableFuture<List<Response>> responses = sendMulticast(prepared, window);
		CompletableFuture<List<CoapMulticastResponse<T>>> result = responses.thenApplyAsync(
				(received) -> toMulticastResponses(received, ResolvableType.forClass(responseType), prepared),
				callbackExecutor());
		result.whenComplete((value, ex) -> {
			if (result.isCancelled()) {
				responses.cancel(true);
			}
		});
		return result;
	}

	private CompletableFuture<List<Response>> sendMulticast(PreparedRequest prepared, Duration window) {
		return sendMulticast(prepared, window, (response) -> false);
	}

	private CompletableFuture<List<Response>> sendMulticast(PreparedRequest prepared, Duration window,
			Predicate<Response> enough) {
		Assert.notNull(window, "'window' must not be null");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "'window' must be positive");
		Assert.isTrue(!prepared.secure(), "DTLS has no multicast: send multicast requests to a coap:// URI");
		Endpoint endpoint = this.endpoints.getMulticastEndpoint(prepared.destination().getAddress(),
				this.defaults.multicastInterface());
		return MulticastExecution.send(prepared, endpoint, this.endpoints, window, enough);
	}

	private <T> List<CoapMulticastResponse<T>> toMulticastResponses(List<Response> responses, ResolvableType type,
			PreparedRequest prepared) {
		List<CoapMulticastResponse<T>> result = new ArrayList<>(responses.size());
		for (Response response : responses) {
			result.add(new CoapMulticastResponse<>(response.getSourceContext().getPeerAddress(),
					this.extractor.extractLenient(response, type, prepared.describe())));
		}
		return result;
	}

	@Override
	public List<WebLink> discover(String uri) {
		return discover(uri, null);
	}

	@Override
	public List<WebLink> discover(String uri, @Nullable String filter) {
		return discover(uri, filter, this.defaults.multicastWindow());
	}

	@Override
	public List<WebLink> discover(String uri, @Nullable String filter, Duration window) {
		Assert.notNull(uri, "'uri' must not be null");
		return discoverLinks(uri, (filter != null) ? WebLinkFilter.parse(filter) : null, window, false);
	}

	@Override
	public List<CoapNode> discoverNodes(String uri) {
		return discoverNodes(uri, null, this.defaults.multicastWindow());
	}

	@Override
	public List<CoapNode> discoverNodes(String uri, @Nullable String filter, Duration window) {
		return toNodes(discover(uri, filter, window));
	}

	@Override
	public Optional<CoapNode> discoverNode(String uri, String name) {
		return discoverNode(uri, name, this.defaults.multicastWindow());
	}

	@Override
	public Optional<CoapNode> discoverNode(String uri, String name, Duration window) {
		Assert.notNull(uri, "'uri' must not be null");
		Assert.hasText(name, "'name' must not be empty");
		WebLinkFilter byName = new WebLinkFilter(ENDPOINT_NAME, name);
		List<CoapNode> nodes = toNodes(discoverLinks(uri, byName, window, true));
		return nodes.stream().findFirst();
	}

	/**
	 * Discover the links that match a filter, from one node or from every node of a multicast group that
	 * answers within the window, or only until the first node with a matching link answered.
	 */
	private List<WebLink> discoverLinks(String uri, @Nullable WebLinkFilter linkFilter, Duration window,
			boolean firstNode) {
		CoapRequestEntity.Builder builder = CoapRequestEntity.get(discoveryUri(uri))
			.accept(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		if (linkFilter != null) {
			builder.option(OptionNumberRegistry.URI_QUERY, linkFilter.toQuery());
		}
		PreparedRequest prepared = this.requestFactory.create(builder.build());
		List<WebLink> links = new ArrayList<>();
		if (prepared.request().isMulticast()) {
			Predicate<Response> enough = firstNode
					? (response) -> !matchingLinks(response, prepared, linkFilter, true).isEmpty()
					: (response) -> false;
			List<Response> responses = await(sendMulticast(prepared, window, enough), prepared);
			for (Response response : responses) {
				// one node's malformed document does not hide the others
				links.addAll(matchingLinks(response, prepared, linkFilter, true));
			}
		}
		else {
			Response response = await(send(prepared), prepared);
			if (!response.getCode().isSuccess()) {
				throw this.extractor.error(response, prepared.describe());
			}
			links.addAll(matchingLinks(response, prepared, linkFilter, false));
		}
		return links;
	}

	/**
	 * Parse the links of a successful response that match the filter; an error response has none.
	 */
	private static List<WebLink> matchingLinks(Response response, PreparedRequest prepared,
			@Nullable WebLinkFilter linkFilter, boolean lenient) {
		if (!response.getCode().isSuccess()) {
			return List.of();
		}
		try {
			List<WebLink> links = parseLinks(response, prepared);
			return (linkFilter != null) ? links.stream().filter(linkFilter::matches).toList() : links;
		}
		catch (CoapClientException ex) {
			if (lenient) {
				logger.debug("Skipping a discovery answer: " + ex.getMessage());
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * Group links by the node that published them, in the order the nodes first appear.
	 */
	private static List<CoapNode> toNodes(List<WebLink> links) {
		Map<InetSocketAddress, List<WebLink>> bySource = new LinkedHashMap<>();
		for (WebLink link : links) {
			bySource.computeIfAbsent(link.getSource(), (source) -> new ArrayList<>()).add(link);
		}
		List<CoapNode> nodes = new ArrayList<>(bySource.size());
		bySource.forEach((source, published) -> nodes.add(new CoapNode(nodeName(published), source, published)));
		return nodes;
	}

	private static @Nullable String nodeName(List<WebLink> links) {
		for (WebLink link : links) {
			String name = link.getAttribute(ENDPOINT_NAME);
			if (name != null) {
				return name;
			}
		}
		return null;
	}

	private static URI discoveryUri(String uri) {
		URI parsed = URI.create(uri);
		String path = parsed.getRawPath();
		if (path == null || path.isEmpty() || path.equals("/")) {
			return parsed.resolve(WELL_KNOWN_CORE);
		}
		return parsed;
	}

	private static List<WebLink> parseLinks(Response response, PreparedRequest prepared) {
		InetSocketAddress source = response.getSourceContext().getPeerAddress();
		try {
			return LinkFormatParser.parse(new String(response.getPayload(), StandardCharsets.UTF_8), source);
		}
		catch (IllegalArgumentException ex) {
			throw new CoapClientException("Could not parse the link format returned by " + prepared.describe()
					+ " from " + source + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Close the template's own endpoints, if it was built with dedicated endpoints; a template on the shared
	 * endpoints leaves them open.
	 */
	@Override
	public void close() {
		if (this.ownsEndpoints) {
			this.endpoints.close();
		}
	}

}
