package io.coapspring.lwm2m.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.eclipse.leshan.core.link.lwm2m.LwM2mLink;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttribute;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributeSet;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributes;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.CreateRequest;
import org.eclipse.leshan.core.request.DeleteRequest;
import org.eclipse.leshan.core.request.DiscoverRequest;
import org.eclipse.leshan.core.request.DownlinkRequest;
import org.eclipse.leshan.core.request.ExecuteRequest;
import org.eclipse.leshan.core.request.ObserveCompositeRequest;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.request.ReadCompositeRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.WriteAttributesRequest;
import org.eclipse.leshan.core.request.WriteCompositeRequest;
import org.eclipse.leshan.core.request.WriteRequest;
import org.eclipse.leshan.core.request.WriteRequest.Mode;
import org.eclipse.leshan.core.request.exception.ClientSleepingException;
import org.eclipse.leshan.core.request.exception.InvalidResponseException;
import org.eclipse.leshan.core.request.exception.SendFailedException;
import org.eclipse.leshan.core.request.exception.TimeoutException;
import org.eclipse.leshan.core.request.exception.UnconnectedPeerException;
import org.eclipse.leshan.core.response.CreateResponse;
import org.eclipse.leshan.core.response.DiscoverResponse;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.core.response.ReadCompositeResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.core.util.datatype.ULong;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.registration.Registration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;

/**
 * {@link Lwm2mOperations} on a Leshan server. Thread-safe; one instance per server (the auto-configuration provides
 * it as a bean).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mTemplate implements Lwm2mOperations {

	private final LeshanServer server;

	private final Duration timeout;

	private final Lwm2mObservations observations;

	private final List<Lwm2mOperationListener> operationListeners;

	private final List<Lwm2mOperationObserver> operationObservers;

	/**
	 * Create a template.
	 * @param server the Leshan server
	 * @param timeout how long to wait for a client's answer
	 */
	public Lwm2mTemplate(LeshanServer server, Duration timeout) {
		this(server, timeout, List.of());
	}

	/**
	 * Create a template that reports every operation's outcome.
	 * @param server the Leshan server
	 * @param timeout how long to wait for a client's answer
	 * @param operationListeners told of each operation's outcome and duration (metrics)
	 */
	public Lwm2mTemplate(LeshanServer server, Duration timeout, List<Lwm2mOperationListener> operationListeners) {
		this(server, timeout, operationListeners, List.of());
	}

	/**
	 * Create a template that reports every operation's outcome and lets observers follow each operation from its
	 * start (tracing).
	 * @param server the Leshan server
	 * @param timeout how long to wait for a client's answer
	 * @param operationListeners told of each operation's outcome and duration (metrics)
	 * @param operationObservers told when each operation starts and ends (tracing)
	 */
	public Lwm2mTemplate(LeshanServer server, Duration timeout, List<Lwm2mOperationListener> operationListeners,
			List<Lwm2mOperationObserver> operationObservers) {
		Assert.notNull(server, "'server' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.server = server;
		this.timeout = timeout;
		this.observations = new Lwm2mObservations(server);
		this.operationListeners = List.copyOf(operationListeners);
		this.operationObservers = List.copyOf(operationObservers);
	}

	@Override
	public List<Lwm2mRegistration> getRegistrations() {
		List<Lwm2mRegistration> registrations = new ArrayList<>();
		Iterator<Registration> all = this.server.getRegistrationService().getAllRegistrations();
		while (all.hasNext()) {
			registrations.add(Lwm2mRegistrations.of(all.next()));
		}
		return registrations;
	}

	@Override
	public Optional<Lwm2mRegistration> getRegistration(String endpoint) {
		Registration registration = this.server.getRegistrationService().getByEndpoint(endpoint);
		return Optional.ofNullable(registration).map(Lwm2mRegistrations::of);
	}

	@Override
	public Lwm2mContent read(String endpoint, String path, @Nullable Lwm2mContentFormat format) {
		return await(readAsync(endpoint, path, format));
	}

	@Override
	public CompletableFuture<Lwm2mContent> readAsync(String endpoint, String path,
			@Nullable Lwm2mContentFormat format) {
		return send("read", endpoint, path, (registration) -> new ReadRequest(leshanFormat(format), path),
				(registration, response) -> {
					ReadResponse read = (ReadResponse) response;
					if (read.getContent() == null) {
						throw new Lwm2mException(endpoint, "LWM2M read of " + path + " on '" + endpoint
								+ "' returned no content", null);
					}
					return Lwm2mNodes.toContent(new LwM2mPath(path), read.getContent());
				});
	}

	@Override
	public Map<String, Lwm2mContent> readComposite(String endpoint, List<String> paths) {
		return await(readCompositeAsync(endpoint, paths));
	}

	@Override
	public CompletableFuture<Map<String, Lwm2mContent>> readCompositeAsync(String endpoint, List<String> paths) {
		Assert.notEmpty(paths, "'paths' must not be empty");
		return send("read-composite", endpoint, String.join(",", paths),
				(registration) -> new ReadCompositeRequest(ContentFormat.SENML_CBOR, ContentFormat.SENML_CBOR, paths),
				(registration, response) -> {
					Map<String, Lwm2mContent> contents = new LinkedHashMap<>();
					((ReadCompositeResponse) response).getContent().forEach((nodePath, node) -> {
						if (node != null) {
							contents.put(nodePath.toString(), Lwm2mNodes.toContent(nodePath, node));
						}
					});
					return contents;
				});
	}

	@Override
	public void write(String endpoint, String path, Object value) {
		await(writeAsync(endpoint, path, value));
	}

	@Override
	public CompletableFuture<Void> writeAsync(String endpoint, String path, Object value) {
		Assert.notNull(value, "'value' must not be null");
		return send("write", endpoint, path, (registration) -> {
			LwM2mPath target = path(endpoint, path);
			if (!target.isResource()) {
				throw new Lwm2mInvalidRequestException(endpoint,
						"Write of a single value needs a resource path (/object/instance/resource), got " + path,
						null);
			}
			LwM2mResource resource = Lwm2mNodes.toResource(endpoint, model(registration), target.getObjectId(),
					target.getResourceId(), value);
			return new WriteRequest(Mode.REPLACE, writeFormat(registration, resource), target, resource);
		}, (registration, response) -> null);
	}

	@Override
	public void write(String endpoint, String instancePath, Map<Integer, ?> resources, boolean replace) {
		await(writeAsync(endpoint, instancePath, resources, replace));
	}

	@Override
	public CompletableFuture<Void> writeAsync(String endpoint, String instancePath, Map<Integer, ?> resources,
			boolean replace) {
		Assert.notEmpty(resources, "'resources' must not be empty");
		return send("write", endpoint, instancePath, (registration) -> {
			LwM2mPath target = path(endpoint, instancePath);
			if (!target.isObjectInstance()) {
				throw new Lwm2mInvalidRequestException(endpoint,
						"Write of several resources needs an object instance path (/object/instance), got "
								+ instancePath,
						null);
			}
			List<LwM2mResource> nodes = Lwm2mNodes.toResources(endpoint, model(registration), target.getObjectId(),
					resources, false);
			return new WriteRequest(replace ? Mode.REPLACE : Mode.UPDATE, writeFormat(registration, null),
					target.getObjectId(), target.getObjectInstanceId(), nodes);
		}, (registration, response) -> null);
	}

	@Override
	public void writeComposite(String endpoint, Map<String, ?> values) {
		await(writeCompositeAsync(endpoint, values));
	}

	@Override
	public CompletableFuture<Void> writeCompositeAsync(String endpoint, Map<String, ?> values) {
		Assert.notEmpty(values, "'values' must not be empty");
		return send("write-composite", endpoint, String.join(",", values.keySet()), (registration) -> {
			LwM2mModel model = model(registration);
			Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
			values.forEach((path, value) -> {
				LwM2mPath target = path(endpoint, path);
				if (!target.isResource()) {
					throw new Lwm2mInvalidRequestException(endpoint,
							"Write-composite needs resource paths (/object/instance/resource), got " + path, null);
				}
				if (value == null) {
					throw new Lwm2mInvalidRequestException(endpoint,
							"Write-composite of " + path + " needs a value, got null", null);
				}
				nodes.put(target, Lwm2mNodes.toResource(endpoint, model, target.getObjectId(), target.getResourceId(),
						value));
			});
			return new WriteCompositeRequest(ContentFormat.SENML_CBOR, nodes, null);
		}, (registration, response) -> null);
	}

	@Override
	public void execute(String endpoint, String path, @Nullable String arguments) {
		await(executeAsync(endpoint, path, arguments));
	}

	@Override
	public CompletableFuture<Void> executeAsync(String endpoint, String path, @Nullable String arguments) {
		return send("execute", endpoint, path, (registration) -> {
			LwM2mPath target = path(endpoint, path);
			if (target.isResource()) {
				var resource = Lwm2mNodes.resourceModel(endpoint, model(registration), target.getObjectId(),
						target.getResourceId());
				if (!resource.operations.isExecutable()) {
					throw new Lwm2mInvalidRequestException(endpoint, "Resource "
							+ Lwm2mNodes.describe(target.getObjectId(), resource) + " is not executable", null);
				}
			}
			return (arguments != null) ? new ExecuteRequest(path, arguments) : new ExecuteRequest(path);
		}, (registration, response) -> null);
	}

	@Override
	public List<String> discover(String endpoint, String path) {
		return await(discoverAsync(endpoint, path));
	}

	@Override
	public CompletableFuture<List<String>> discoverAsync(String endpoint, String path) {
		return send("discover", endpoint, path, (registration) -> new DiscoverRequest(path),
				(registration, response) -> {
					List<String> links = new ArrayList<>();
					LwM2mLink[] objectLinks = ((DiscoverResponse) response).getObjectLinks();
					if (objectLinks != null) {
						for (LwM2mLink link : objectLinks) {
							links.add(link.toCoreLinkFormat());
						}
					}
					return links;
				});
	}

	@Override
	public void writeAttributes(String endpoint, String path, Lwm2mAttributes attributes) {
		await(writeAttributesAsync(endpoint, path, attributes));
	}

	@Override
	public CompletableFuture<Void> writeAttributesAsync(String endpoint, String path, Lwm2mAttributes attributes) {
		Assert.notNull(attributes, "'attributes' must not be null");
		return send("write-attributes", endpoint, path, (registration) -> {
			List<LwM2mAttribute<?>> set = new ArrayList<>();
			if (attributes.pmin() != null) {
				set.add(LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD, attributes.pmin()));
			}
			if (attributes.pmax() != null) {
				set.add(LwM2mAttributes.create(LwM2mAttributes.MAXIMUM_PERIOD, attributes.pmax()));
			}
			if (attributes.gt() != null) {
				set.add(LwM2mAttributes.create(LwM2mAttributes.GREATER_THAN, attributes.gt()));
			}
			if (attributes.lt() != null) {
				set.add(LwM2mAttributes.create(LwM2mAttributes.LESSER_THAN, attributes.lt()));
			}
			if (attributes.st() != null) {
				set.add(LwM2mAttributes.create(LwM2mAttributes.STEP, attributes.st()));
			}
			if (set.isEmpty()) {
				throw new Lwm2mInvalidRequestException(endpoint, "Write-attributes of " + path + " needs an attribute",
						null);
			}
			return new WriteAttributesRequest(path, new LwM2mAttributeSet(set));
		}, (registration, response) -> null);
	}

	@Override
	public int create(String endpoint, String objectPath, Map<Integer, ?> resources) {
		return await(createAsync(endpoint, objectPath, null, resources));
	}

	@Override
	public void create(String endpoint, String objectPath, int instanceId, Map<Integer, ?> resources) {
		await(createAsync(endpoint, objectPath, instanceId, resources));
	}

	@Override
	public CompletableFuture<Integer> createAsync(String endpoint, String objectPath, @Nullable Integer instanceId,
			Map<Integer, ?> resources) {
		Assert.notNull(resources, "'resources' must not be null");
		return send("create", endpoint, objectPath, (registration) -> {
			LwM2mPath target = path(endpoint, objectPath);
			if (!target.isObject()) {
				throw new Lwm2mInvalidRequestException(endpoint,
						"Create needs an object path (/object), got " + objectPath, null);
			}
			List<LwM2mResource> nodes = Lwm2mNodes.toResources(endpoint, model(registration), target.getObjectId(),
					resources, true);
			ContentFormat format = writeFormat(registration, null);
			if (instanceId != null) {
				return new CreateRequest(format, target.getObjectId(), new LwM2mObjectInstance(instanceId, nodes));
			}
			return new CreateRequest(format, target.getObjectId(), nodes);
		}, (registration, response) -> {
			if (instanceId != null) {
				return instanceId;
			}
			String location = ((CreateResponse) response).getLocation();
			if (location == null) {
				throw new Lwm2mException(endpoint,
						"LWM2M create on '" + endpoint + "' succeeded without telling the new instance's location",
						null);
			}
			return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
		});
	}

	@Override
	public void delete(String endpoint, String instancePath) {
		await(deleteAsync(endpoint, instancePath));
	}

	@Override
	public CompletableFuture<Void> deleteAsync(String endpoint, String instancePath) {
		return send("delete", endpoint, instancePath, (registration) -> new DeleteRequest(instancePath),
				(registration, response) -> null);
	}

	@Override
	public Lwm2mObservation observe(String endpoint, String path, Consumer<Lwm2mContent> listener) {
		return await(observeAsync(endpoint, path, listener));
	}

	@Override
	public CompletableFuture<Lwm2mObservation> observeAsync(String endpoint, String path,
			Consumer<Lwm2mContent> listener) {
		Assert.notNull(listener, "'listener' must not be null");
		LwM2mPath[] target = new LwM2mPath[1];
		Lwm2mObservations.Subscription[] subscription = new Lwm2mObservations.Subscription[1];
		CompletableFuture<Lwm2mObservation> result = send("observe", endpoint, path, (registration) -> {
			target[0] = path(endpoint, path);
			subscription[0] = this.observations.subscribe(registration.getId(), endpoint, target[0], listener);
			return new ObserveRequest(target[0].toString());
		}, (registration, response) -> {
			ObserveResponse observe = (ObserveResponse) response;
			Lwm2mContent initial = Lwm2mNodes.toContent(target[0], observe.getContent());
			subscription[0].activate(initial);
			return (Lwm2mObservation) subscription[0];
		});
		result.whenComplete((observation, failure) -> {
			if (failure != null && subscription[0] != null) {
				subscription[0].cancel();
			}
		});
		return result;
	}

	@Override
	public Lwm2mCompositeObservation observeComposite(String endpoint, List<String> paths,
			Consumer<Map<String, Lwm2mContent>> listener) {
		Assert.notEmpty(paths, "'paths' must not be empty");
		Assert.notNull(listener, "'listener' must not be null");
		Lwm2mObservations.CompositeSubscription[] subscription = new Lwm2mObservations.CompositeSubscription[1];
		CompletableFuture<Lwm2mCompositeObservation> result = send("observe-composite", endpoint,
				String.join(",", paths), (registration) -> {
					List<LwM2mPath> targets = paths.stream().map((path) -> path(endpoint, path)).toList();
					subscription[0] = this.observations.subscribeComposite(registration.getId(), endpoint, targets,
							listener);
					return new ObserveCompositeRequest(ContentFormat.SENML_CBOR, ContentFormat.SENML_CBOR, targets);
				}, (registration, response) -> {
					subscription[0].activate(Lwm2mObservations.contents(((ObserveCompositeResponse) response).getContent()));
					return (Lwm2mCompositeObservation) subscription[0];
				});
		result.whenComplete((observation, failure) -> {
			if (failure != null && subscription[0] != null) {
				subscription[0].cancel();
			}
		});
		return await(result);
	}

	@Override
	public int cancelObservations(String endpoint, String path) {
		Registration registration = registration(endpoint);
		this.observations.dropAll(registration.getId(), path);
		return this.server.getObservationService().cancelObservations(registration, path);
	}

	/**
	 * Return the Leshan server this template sends through (for what this API does not cover).
	 * @return the server
	 */
	public LeshanServer getServer() {
		return this.server;
	}

	private Registration registration(String endpoint) {
		Assert.hasText(endpoint, "'endpoint' must not be empty");
		Registration registration = this.server.getRegistrationService().getByEndpoint(endpoint);
		if (registration == null) {
			throw new Lwm2mClientNotRegisteredException(endpoint);
		}
		return registration;
	}

	private LwM2mModel model(Registration registration) {
		return this.server.getModelProvider().getObjectModel(registration);
	}

	private static LwM2mPath path(String endpoint, String path) {
		try {
			return new LwM2mPath(path);
		}
		catch (RuntimeException ex) {
			throw new Lwm2mInvalidRequestException(endpoint, "Invalid LWM2M path '" + path + "': " + ex.getMessage(),
					ex);
		}
	}

	private static @Nullable ContentFormat leshanFormat(@Nullable Lwm2mContentFormat format) {
		if (format == null) {
			return null;
		}
		return switch (format) {
			case TLV -> ContentFormat.TLV;
			case SENML_JSON -> ContentFormat.SENML_JSON;
			case SENML_CBOR -> ContentFormat.SENML_CBOR;
			case JSON -> ContentFormat.JSON;
			case TEXT -> ContentFormat.TEXT;
			case OPAQUE -> ContentFormat.OPAQUE;
			case CBOR -> ContentFormat.CBOR;
		};
	}

	private static ContentFormat writeFormat(Registration registration, @Nullable LwM2mResource resource) {
		var supported = registration.getSupportedContentFormats();
		if (supported != null && supported.contains(ContentFormat.SENML_CBOR)) {
			return ContentFormat.SENML_CBOR;
		}
		if (resource != null && !resource.isMultiInstances() && !(resource.getValue() instanceof ULong)
				&& (supported == null || supported.isEmpty() || supported.contains(ContentFormat.TEXT))
				&& !"1.0".equals(String.valueOf(registration.getLwM2mVersion()))) {
			return ContentFormat.TEXT;
		}
		return ContentFormat.TLV;
	}

	private <R> CompletableFuture<R> send(String operation, String endpoint, String path,
			Function<Registration, DownlinkRequest<? extends LwM2mResponse>> requestFactory,
			ResponseMapper<R> mapper) {
		long start = System.nanoTime();
		List<Lwm2mOperationObserver.Stop> stops = startObservers(operation, endpoint, path);
		CompletableFuture<R> result = new CompletableFuture<>();
		try {
			Registration registration = registration(endpoint);
			DownlinkRequest<? extends LwM2mResponse> request;
			try {
				request = requestFactory.apply(registration);
			}
			catch (Lwm2mException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new Lwm2mInvalidRequestException(endpoint,
						"Invalid LWM2M " + operation + " of " + path + ": " + ex.getMessage(), ex);
			}
			sendRequest(registration, request, (response) -> {
				if (!response.isSuccess()) {
					result.completeExceptionally(new Lwm2mResponseException(endpoint, operation, path,
							response.getCode().getCode(), response.getCode().getName(), response.getErrorMessage()));
					return;
				}
				try {
					result.complete(mapper.map(registration, response));
				}
				catch (Lwm2mException ex) {
					result.completeExceptionally(ex);
				}
				catch (RuntimeException ex) {
					result.completeExceptionally(new Lwm2mException(endpoint, "LWM2M " + operation + " of " + path
							+ " on '" + endpoint + "' returned content that cannot be read: " + ex.getMessage(), ex));
				}
			}, (error) -> result.completeExceptionally(translate(operation, endpoint, path, error)));
		}
		catch (Lwm2mException ex) {
			result.completeExceptionally(ex);
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(translate(operation, endpoint, path, ex));
		}
		if (this.operationListeners.isEmpty() && stops.isEmpty()) {
			return result;
		}
		// the caller sees the outcome only once the listeners have (metrics are complete when get() returns)
		CompletableFuture<R> outcome = new CompletableFuture<>();
		result.whenComplete((value, failure) -> {
			Duration duration = Duration.ofNanos(System.nanoTime() - start);
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			for (Lwm2mOperationListener listener : this.operationListeners) {
				try {
					listener.onOperation(operation, cause, duration);
				}
				catch (RuntimeException ex) {
					// a listener must not change the outcome of the operation
				}
			}
			for (Lwm2mOperationObserver.Stop stop : stops) {
				try {
					stop.stop(cause);
				}
				catch (RuntimeException ex) {
					// an observer must not change the outcome of the operation
				}
			}
			if (cause != null) {
				outcome.completeExceptionally(cause);
			}
			else {
				outcome.complete(value);
			}
		});
		return outcome;
	}

	private List<Lwm2mOperationObserver.Stop> startObservers(String operation, String endpoint, String path) {
		if (this.operationObservers.isEmpty()) {
			return List.of();
		}
		List<Lwm2mOperationObserver.Stop> stops = new ArrayList<>(this.operationObservers.size());
		for (Lwm2mOperationObserver observer : this.operationObservers) {
			try {
				stops.add(observer.start(operation, endpoint, path));
			}
			catch (RuntimeException ex) {
				// an observer must not keep the operation from being sent
			}
		}
		return stops;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void sendRequest(Registration registration, DownlinkRequest request,
			Consumer<LwM2mResponse> onResponse, Consumer<Exception> onError) {
		this.server.send(registration, request, this.timeout.toMillis(), onResponse::accept, onError::accept);
	}

	private static Lwm2mException translate(String operation, String endpoint, String path, Throwable error) {
		if (error instanceof Lwm2mException lwm2m) {
			return lwm2m;
		}
		if (error instanceof ClientSleepingException) {
			return new Lwm2mClientSleepingException(endpoint, error);
		}
		if (error instanceof TimeoutException) {
			return new Lwm2mClientUnreachableException(endpoint,
					"LWM2M client '" + endpoint + "' did not answer the " + operation + " of " + path + " in time",
					error);
		}
		if (error instanceof UnconnectedPeerException || error instanceof SendFailedException) {
			return new Lwm2mClientUnreachableException(endpoint, "LWM2M " + operation + " of " + path
					+ " could not be sent to '" + endpoint + "': " + error.getMessage(), error);
		}
		if (error instanceof InvalidResponseException) {
			return new Lwm2mException(endpoint, "LWM2M client '" + endpoint + "' answered the " + operation + " of "
					+ path + " with an invalid response: " + error.getMessage() + describeCause(error), error);
		}
		return new Lwm2mException(endpoint,
				"LWM2M " + operation + " of " + path + " on '" + endpoint + "' failed: " + error.getMessage(), error);
	}

	private static String describeCause(Throwable error) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
		return (cause != error && cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : "";
	}

	private static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an LWM2M response", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@FunctionalInterface
	private interface ResponseMapper<R> {

		@Nullable R map(Registration registration, LwM2mResponse response);

	}

}
