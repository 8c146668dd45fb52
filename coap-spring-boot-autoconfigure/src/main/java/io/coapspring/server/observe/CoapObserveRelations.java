package io.coapspring.server.observe;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.server.resources.ObservableResource;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Counts the observe relations of a CoAP server by concrete URI: those of the resources serving handler methods
 * (kept by {@link CoapObservedResources} while observed) and those of the Californium resources of the server's
 * tree. Reads Californium's own relation bookkeeping, so the counts are what notifications go to.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapObserveRelations {

	private final CoapServer server;

	private final @Nullable CoapObservedResources observedResources;

	/**
	 * Create a counter.
	 * @param server the server whose resource tree is walked
	 * @param observedResources the observed resources of handler methods, or {@code null} if the server has none
	 */
	public CoapObserveRelations(CoapServer server, @Nullable CoapObservedResources observedResources) {
		Assert.notNull(server, "'server' must not be null");
		this.server = server;
		this.observedResources = observedResources;
	}

	/**
	 * Return the number of observe relations of each observed URI.
	 * @return the counts by path, sorted by path; URIs without observers are left out
	 */
	public Map<String, Integer> countByUri() {
		Map<String, Integer> counts = new TreeMap<>();
		if (this.observedResources != null) {
			for (CoapHandlerResource resource : this.observedResources.getAll()) {
				add(counts, resource.getUriPath(), resource.getObserverCount());
			}
		}
		collect(this.server.getRoot(), counts);
		return counts;
	}

	/**
	 * Return the number of observe relations of the server.
	 * @return the total of {@link #countByUri()}
	 */
	public int total() {
		int total = 0;
		for (int count : countByUri().values()) {
			total += count;
		}
		return total;
	}

	private static void collect(Resource resource, Map<String, Integer> counts) {
		if (resource instanceof ObservableResource observable) {
			String uri = resource.getURI();
			add(counts, uri.startsWith("/") ? uri : "/" + uri, observable.getObserverCount());
		}
		for (Resource child : resource.getChildren()) {
			collect(child, counts);
		}
	}

	private static void add(Map<String, Integer> counts, String uri, int count) {
		if (count > 0) {
			counts.merge(uri, count, Integer::sum);
		}
	}

}
