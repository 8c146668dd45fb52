package io.coapspring.server.value;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.function.CoapRequestPredicate;
import io.coapspring.server.function.CoapRequestPredicates;
import io.coapspring.server.function.CoapRouteRegistration;
import io.coapspring.server.function.CoapRouteRegistry;
import io.coapspring.server.function.CoapRouterFunction;
import io.coapspring.server.function.CoapRouterFunctions;
import io.coapspring.server.function.CoapServerResponse;
import io.coapspring.server.mapping.CoapPathPattern;
import io.coapspring.server.observe.CoapNotifier;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Adds and removes value resources while the server runs, the Spring counterpart of the Pycom CoAP module's
 * {@code add_resource}, {@code get_resource} and {@code remove_resource}:
 * <pre class="code">
 * CoapValueResource&lt;Threshold&gt; threshold = resources.add("/config/threshold", Threshold.class,
 *         new Threshold(25), (spec) -&gt; spec.maxAge(Duration.ofMinutes(1)).resourceType("threshold"));
 * threshold.value(new Threshold(30));     // observers are notified
 * resources.remove("/config/threshold");  // observers get a final 4.04
 * </pre>
 * Each resource is a set of functional routes in the {@link CoapRouteRegistry}, so it shares routing, discovery,
 * observe and the bound on routes registered at run time ({@code coap.server.routes.max-runtime-routes}) with
 * them. A value of a type is read and written by the {@code CoapMessageConverter}s of its Content-Format (JSON,
 * CBOR, text...) and validated when a PUT brings it; a {@code byte[]} value is kept as the payload was.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapResources {

	private final Object lock = new Object();

	private final CoapRouteRegistry routes;

	private final CoapNotifier notifier;

	private final Map<String, CoapValueResource<?>> resources = new ConcurrentHashMap<>();

	/**
	 * Create the value resources.
	 * @param routes registers the routes of the resources
	 * @param notifier notifies observers of changes
	 */
	public CoapResources(CoapRouteRegistry routes, CoapNotifier notifier) {
		Assert.notNull(routes, "'routes' must not be null");
		Assert.notNull(notifier, "'notifier' must not be null");
		this.routes = routes;
		this.notifier = notifier;
	}

	/**
	 * Add a value resource with the default spec.
	 * @param <T> the type of the value
	 * @param path the path, without variables
	 * @param type the type of the value, {@code byte[]} for raw bytes
	 * @param value the initial value, {@code null} for none
	 * @return the resource
	 * @see #add(String, Class, Object, Consumer)
	 */
	public <T> CoapValueResource<T> add(String path, Class<T> type, @Nullable T value) {
		return add(path, type, value, (spec) -> {
		});
	}

	/**
	 * Add a value resource.
	 * @param <T> the type of the value
	 * @param path the path, without variables ({@code threshold} and {@code /threshold} are the same)
	 * @param type the type of the value, {@code byte[]} for raw bytes
	 * @param value the initial value, {@code null} for none
	 * @param spec changes how the resource is served
	 * @return the resource
	 * @throws IllegalArgumentException if the path has variables
	 * @throws IllegalStateException if a value resource has the path already, a mapping would serve the same
	 * requests, or the bound of run-time routes is reached
	 */
	public <T> CoapValueResource<T> add(String path, Class<T> type, @Nullable T value,
			Consumer<CoapValueResourceSpec> spec) {
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(spec, "'spec' must not be null");
		String normalized = normalize(path);
		CoapValueResourceSpec settings = new CoapValueResourceSpec();
		spec.accept(settings);
		CoapValueResource<T> resource = new CoapValueResource<>(normalized, type, value, settings, this.notifier);
		synchronized (this.lock) {
			Assert.state(!this.resources.containsKey(normalized), () -> "A value resource at " + normalized
					+ " exists already: update its value or remove it first");
			resource.registered(this.routes.register("value resource " + normalized, routes(resource, settings)));
			this.resources.put(normalized, resource);
		}
		return resource;
	}

	private CoapRouterFunction routes(CoapValueResource<?> resource,
			CoapValueResourceSpec spec) {
		CoapRouterFunctions.Builder builder = CoapRouterFunctions.route();
		int format = resource.getContentFormat();
		for (CoapMethod method : spec.methods()) {
			CoapRequestPredicate predicate = CoapRequestPredicates.path(resource.getPath())
				.and(CoapRequestPredicates.method(method));
			switch (method) {
				case GET -> builder.route(predicate.and(CoapRequestPredicates.accept(format)), resource::get);
				case PUT, POST -> builder.route((resource.getType() != byte[].class)
						? predicate.and(CoapRequestPredicates.contentFormat(format)) : predicate, resource::put);
				default -> builder.route(predicate, (request) -> {
					remove(resource.getPath());
					return CoapServerResponse.deleted().build();
				});
			}
			builder.withAttributes((attributes) -> {
				attributes.observable(spec.observable())
					.discoverable(spec.discoverable())
					.title(spec.title())
					.etag(spec.etag());
				if (spec.maxAge() >= 0) {
					attributes.maxAge(Duration.ofSeconds(spec.maxAge()));
				}
				spec.resourceTypes().forEach(attributes::resourceType);
				spec.interfaceDescriptions().forEach(attributes::interfaceDescription);
			});
		}
		return builder.build();
	}

	/**
	 * Return the value resource of a path (Pycom's {@code get_resource}).
	 * @param path the path
	 * @return the resource, empty if none has the path
	 */
	public Optional<CoapValueResource<?>> get(String path) {
		return Optional.ofNullable(this.resources.get(normalize(path)));
	}

	/**
	 * Return the value resource of a path, with the type of its value.
	 * @param <T> the type
	 * @param path the path
	 * @param type the type of the value
	 * @return the resource, empty if none has the path
	 * @throws IllegalArgumentException if its value has another type
	 */
	@SuppressWarnings("unchecked")
	public <T> Optional<CoapValueResource<T>> get(String path, Class<T> type) {
		return get(path).map((resource) -> {
			Assert.isTrue(resource.getType() == type,
					() -> "The value resource at " + path + " holds " + resource.getType().getName());
			return (CoapValueResource<T>) resource;
		});
	}

	/**
	 * Return every value resource.
	 * @return a snapshot
	 */
	public List<CoapValueResource<?>> getAll() {
		return List.copyOf(this.resources.values());
	}

	/**
	 * Remove a value resource (Pycom's {@code remove_resource}): requests that follow get 4.04 Not Found, its
	 * observers a final 4.04.
	 * @param path the path
	 * @throws IllegalArgumentException if no value resource has the path
	 */
	public void remove(String path) {
		String normalized = normalize(path);
		CoapRouteRegistration registration;
		synchronized (this.lock) {
			CoapValueResource<?> resource = this.resources.remove(normalized);
			Assert.isTrue(resource != null, () -> "No value resource at " + normalized);
			registration = resource.removed();
		}
		if (registration != null) {
			this.routes.unregister(registration);
		}
	}

	private static String normalize(String path) {
		Assert.hasText(path, "'path' must not be empty");
		String normalized = path.startsWith("/") ? path : "/" + path;
		CoapPathPattern pattern = CoapPathPattern.parse(normalized);
		Assert.isTrue(!pattern.hasVariables(), () -> "The path of a value resource has no variables: " + path);
		return pattern.getPattern();
	}

}
