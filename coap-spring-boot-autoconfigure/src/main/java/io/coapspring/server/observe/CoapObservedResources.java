package io.coapspring.server.observe;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.coapspring.server.deduplication.SourceContextReuse;
import org.eclipse.californium.elements.EndpointContext;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@link CoapHandlerResource}s that have observers, by concrete path, so that a later request or a
 * notification reaches the resource that holds the observe relations and the observers (each with its own
 * registration request, query included). A resource is kept from its first observer to the end of its last one;
 * unobserved paths cost no memory.
 * <p>
 * It also counts the observers of each peer, and keeps the endpoint context of the peer's first observer, so that
 * the registrations of the same peer can share it ({@link #share}) instead of keeping one each.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapObservedResources {

	private final Map<String, CoapHandlerResource> resources = new ConcurrentHashMap<>();

	private final Map<InetSocketAddress, Peer> observersByPeer = new ConcurrentHashMap<>();

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
		Peer observers = this.observersByPeer.get(peer);
		return (observers != null) ? observers.count : 0;
	}

	/**
	 * Return the endpoint context an observer of the same peer keeps, if it is equal to the given one (plain UDP,
	 * same address, same attributes; see {@link SourceContextReuse#isSame}), so that a registration can keep
	 * that one instead of its own: about 270 bytes per relation for a peer with several.
	 * @param context the source context of a registration
	 * @return an equal context already kept, or the given one
	 */
	EndpointContext share(EndpointContext context) {
		Peer observers = this.observersByPeer.get(context.getPeerAddress());
		return (observers != null && SourceContextReuse.isSame(observers.context, context)) ? observers.context
				: context;
	}

	void observerAdded(InetSocketAddress peer, EndpointContext context) {
		this.observersByPeer.compute(peer, (key, observers) -> {
			Peer added = (observers != null) ? observers : new Peer(context);
			added.count++;
			return added;
		});
	}

	void observerRemoved(InetSocketAddress peer) {
		this.observersByPeer.computeIfPresent(peer, (key, observers) -> (--observers.count <= 0) ? null : observers);
	}

	void retain(CoapHandlerResource resource) {
		this.resources.putIfAbsent(resource.getUriPath(), resource);
	}

	public void release(CoapHandlerResource resource) {
		this.resources.computeIfPresent(resource.getUriPath(),
				(path, current) -> (current == resource && !current.hasObservers()) ? null : current);
	}

	/**
	 * The observers of one peer: how many, and the endpoint context of the first.
	 */
	private static final class Peer {

		private final EndpointContext context;

		// written in the map's compute functions only
		private volatile int count;

		Peer(EndpointContext context) {
			this.context = context;
		}

	}

}
