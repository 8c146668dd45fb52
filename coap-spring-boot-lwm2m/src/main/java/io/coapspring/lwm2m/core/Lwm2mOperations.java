package io.coapspring.lwm2m.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.jspecify.annotations.Nullable;

/**
 * Device management operations on registered LWM2M clients, by endpoint name and path ({@code /3/0/9}): node-lwm2m's
 * verbs the Spring way. Each operation exists synchronously (blocks up to the request timeout) and as a
 * {@link CompletableFuture}. Failures are {@link Lwm2mException}s: {@link Lwm2mClientNotRegisteredException},
 * {@link Lwm2mClientSleepingException}, {@link Lwm2mClientUnreachableException}, {@link Lwm2mResponseException}
 * (the client's error code) and {@link Lwm2mInvalidRequestException} (caught before sending). Asynchronous
 * variants complete exceptionally with the same exceptions.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see Lwm2mTemplate
 */
public interface Lwm2mOperations {

	/**
	 * Return the registered clients.
	 * @return a snapshot of every registration
	 */
	List<Lwm2mRegistration> getRegistrations();

	/**
	 * Return the registration of one client.
	 * @param endpoint the endpoint name
	 * @return the registration, or empty if the client is not registered
	 */
	Optional<Lwm2mRegistration> getRegistration(String endpoint);

	/**
	 * Read a path, letting the client choose the content format.
	 * @param endpoint the endpoint name
	 * @param path an object, instance, resource or resource instance path
	 * @return the content
	 */
	default Lwm2mContent read(String endpoint, String path) {
		return read(endpoint, path, null);
	}

	/**
	 * Read a path in a given content format.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param format the content format to ask for, or {@code null} to let the client choose
	 * @return the content
	 */
	Lwm2mContent read(String endpoint, String path, @Nullable Lwm2mContentFormat format);

	/**
	 * Read a path asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param format the content format to ask for, or {@code null}
	 * @return the content, when it arrives
	 */
	CompletableFuture<Lwm2mContent> readAsync(String endpoint, String path, @Nullable Lwm2mContentFormat format);

	/**
	 * Read several paths in one request (LWM2M 1.1 read-composite, SenML CBOR).
	 * @param endpoint the endpoint name
	 * @param paths the paths
	 * @return the content of each path that the client returned, by path
	 */
	Map<String, Lwm2mContent> readComposite(String endpoint, List<String> paths);

	/**
	 * Read several paths in one request asynchronously.
	 * @param endpoint the endpoint name
	 * @param paths the paths
	 * @return the content by path, when it arrives
	 */
	CompletableFuture<Map<String, Lwm2mContent>> readCompositeAsync(String endpoint, List<String> paths);

	/**
	 * Write one resource (replace). The value is checked against the object model first; a multiple resource
	 * takes a {@code Map<Integer, ?>} of instance id to value.
	 * @param endpoint the endpoint name
	 * @param path a resource path ({@code /3/0/14})
	 * @param value the value
	 */
	void write(String endpoint, String path, Object value);

	/**
	 * Write one resource asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the resource path
	 * @param value the value
	 * @return completes when the client changed the resource
	 */
	CompletableFuture<Void> writeAsync(String endpoint, String path, Object value);

	/**
	 * Write several resources of an object instance in one request.
	 * @param endpoint the endpoint name
	 * @param instancePath an object instance path ({@code /3/0})
	 * @param resources resource id to value
	 * @param replace {@code true} to replace the instance (resources not given are reset), {@code false} for a
	 * partial update
	 */
	void write(String endpoint, String instancePath, Map<Integer, ?> resources, boolean replace);

	/**
	 * Write several resources of an object instance asynchronously.
	 * @param endpoint the endpoint name
	 * @param instancePath the object instance path
	 * @param resources resource id to value
	 * @param replace replace or partial update
	 * @return completes when the client changed the instance
	 */
	CompletableFuture<Void> writeAsync(String endpoint, String instancePath, Map<Integer, ?> resources,
			boolean replace);

	/**
	 * Write resources of several objects or instances in one LWM2M 1.1 write-composite request (SenML CBOR): the
	 * client applies all of them or none. Each value is checked against the object model first, as in
	 * {@link #write(String, String, Object)}.
	 * @param endpoint the endpoint name
	 * @param values resource path ({@code /3/0/14}) to value, in the order to send them
	 */
	void writeComposite(String endpoint, Map<String, ?> values);

	/**
	 * Write resources of several objects or instances in one request asynchronously.
	 * @param endpoint the endpoint name
	 * @param values resource path to value
	 * @return completes when the client changed every resource
	 */
	CompletableFuture<Void> writeCompositeAsync(String endpoint, Map<String, ?> values);

	/**
	 * Execute a resource without arguments.
	 * @param endpoint the endpoint name
	 * @param path the resource path ({@code /3/0/4} reboots)
	 */
	default void execute(String endpoint, String path) {
		execute(endpoint, path, null);
	}

	/**
	 * Execute a resource.
	 * @param endpoint the endpoint name
	 * @param path the resource path
	 * @param arguments the arguments ({@code 0='a',1} in LWM2M 1.1 syntax, free text in 1.0), or {@code null}
	 */
	void execute(String endpoint, String path, @Nullable String arguments);

	/**
	 * Execute a resource asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the resource path
	 * @param arguments the arguments, or {@code null}
	 * @return completes when the client executed the resource
	 */
	CompletableFuture<Void> executeAsync(String endpoint, String path, @Nullable String arguments);

	/**
	 * Discover what a client has under a path, with the attributes attached.
	 * @param endpoint the endpoint name
	 * @param path an object, instance or resource path
	 * @return the links in CoRE link format, for instance {@code </3/0/9>;pmax=60}
	 */
	List<String> discover(String endpoint, String path);

	/**
	 * Discover asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @return the links, when they arrive
	 */
	CompletableFuture<List<String>> discoverAsync(String endpoint, String path);

	/**
	 * Write notification attributes (pmin, pmax, gt, lt, st) to a path.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param attributes the attributes
	 */
	void writeAttributes(String endpoint, String path, Lwm2mAttributes attributes);

	/**
	 * Write notification attributes asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param attributes the attributes
	 * @return completes when the client changed the attributes
	 */
	CompletableFuture<Void> writeAttributesAsync(String endpoint, String path, Lwm2mAttributes attributes);

	/**
	 * Create an object instance, letting the client choose its id.
	 * @param endpoint the endpoint name
	 * @param objectPath the object path ({@code /3303})
	 * @param resources resource id to value, checked against the model (mandatory writable resources must be
	 * present)
	 * @return the id of the new instance
	 */
	int create(String endpoint, String objectPath, Map<Integer, ?> resources);

	/**
	 * Create an object instance with a given id.
	 * @param endpoint the endpoint name
	 * @param objectPath the object path
	 * @param instanceId the instance id
	 * @param resources resource id to value
	 */
	void create(String endpoint, String objectPath, int instanceId, Map<Integer, ?> resources);

	/**
	 * Create an object instance asynchronously.
	 * @param endpoint the endpoint name
	 * @param objectPath the object path
	 * @param instanceId the instance id, or {@code null} to let the client choose
	 * @param resources resource id to value
	 * @return the id of the new instance, when created
	 */
	CompletableFuture<Integer> createAsync(String endpoint, String objectPath, @Nullable Integer instanceId,
			Map<Integer, ?> resources);

	/**
	 * Delete an object instance.
	 * @param endpoint the endpoint name
	 * @param instancePath the object instance path ({@code /3303/1})
	 */
	void delete(String endpoint, String instancePath);

	/**
	 * Delete an object instance asynchronously.
	 * @param endpoint the endpoint name
	 * @param instancePath the object instance path
	 * @return completes when deleted
	 */
	CompletableFuture<Void> deleteAsync(String endpoint, String instancePath);

	/**
	 * Observe a path: the client sends a notification on each change (within the path's pmin/pmax).
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param listener receives every notification, on a server thread
	 * @return the running observation, with the initial value
	 */
	Lwm2mObservation observe(String endpoint, String path, Consumer<Lwm2mContent> listener);

	/**
	 * Observe a path asynchronously.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @param listener receives every notification
	 * @return the running observation, once the client accepted it
	 */
	CompletableFuture<Lwm2mObservation> observeAsync(String endpoint, String path, Consumer<Lwm2mContent> listener);

	/**
	 * Observe several paths in one LWM2M 1.1 observe-composite request (SenML CBOR): each notification carries
	 * the content of every path.
	 * @param endpoint the endpoint name
	 * @param paths the paths
	 * @param listener receives the contents of every notification, by path, on a server thread
	 * @return the running observation, with the initial contents
	 */
	Lwm2mCompositeObservation observeComposite(String endpoint, List<String> paths,
			Consumer<Map<String, Lwm2mContent>> listener);

	/**
	 * Cancel every observation of a path on a client, whoever started it.
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @return the number of observations cancelled
	 */
	int cancelObservations(String endpoint, String path);

}
