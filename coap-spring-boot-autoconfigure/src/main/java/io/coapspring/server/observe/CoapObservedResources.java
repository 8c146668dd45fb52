package io.coapspring.server.observe;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@link CoapHandlerResource}s that have observers, by concrete path, so that a later request or a
 * notification reaches the resource that holds the observe relations and the observers (each with its own
 * registration request, query included). A resource is kept from its first observer to the end of its last one;
 * unobserved paths cost no memory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapObservedResources {

	private final Map<String, CoapHandlerResource> resources = new ConcurrentHashMap<>();

	private final Map<InetSocketAddress, AtomicInteger> observersByPeer = new ConcurrentHashMap<>();

	/**
	 * Return the observed resource of a path.
	 * @param uriPath the concrete path, with a leading {@code /}
	 * @return the resource, or {@code null} if the path has no observer
	 */
	public @Nullable CoapHandlerResource get(String uriPath) {
		return this.resources.get(uriPath);
	}

	/**
	 * Return the observed resource of a path, creating and keeping one if there is none.
	 * @param uriPath the concrete path
	 * @param factory creates the resource
	 * @return the resource
	 */
	public CoapHandlerResource getOrCreate(String uriPath, Supplier<CoapHandlerResource> factory) {
		return this.resources.computeIfAbsent(uriPath, (path) -> factory.get());
	}

	/**
	 * Return every observed resource.
	 * @return a snapshot of the resources
	 */
	public List<CoapHandlerResource> getAll() {
		return List.copyOf(this.resources.values());
	}

	/**
	 * Return whether no path is observed.
	 * @return {@code true} if no resource has observers
	 */
	public boolean isEmpty() {
		return this.resources.isEmpty();
	}

	/**
	 * Return the number of observed paths.
	 * @return the count
	 */
	public int size() {
		return this.resources.size();
	}

	/**
	 * Return the number of observers a peer has, over all resources.
	 * @param peer the peer's address
	 * @return the count
	 */
	public int getObserverCount(InetSocketAddress peer) {
		AtomicInteger count = this.observersByPeer.get(peer);
		return (count != null) ? count.get() : 0;
	}

	void observerAdded(InetSocketAddress peer) {
		this.observersByPeer.computeIfAbsent(peer, (key) -> new AtomicInteger()).incrementAndGet();
	}

	void observerRemoved(InetSocketAddress peer) {
		this.observersByPeer.computeIfPresent(peer, (key, count) -> (count.decrementAndGet() <= 0) ? null : count);
	}

	void retain(CoapHandlerResource resource) {
		this.resources.putIfAbsent(resource.getUriPath(), resource);
	}

	public void release(CoapHandlerResource resource) {
		this.resources.computeIfPresent(resource.getUriPath(),
				(path, current) -> (current == resource && !current.hasObservers()) ? null : current);
	}

}
