package io.coapspring.interop;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * The resources that clients change (PUT, POST, DELETE), by path, and their initial state, to which
 * {@link #reset()} returns so that every test case starts from the state its description expects.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RepresentationStore {

	private final Map<String, Representation> initial;

	private final Map<String, Representation> current = new ConcurrentHashMap<>();

	/**
	 * Create a store.
	 * @param initial the resources that exist at start and after a reset
	 */
	public RepresentationStore(Map<String, Representation> initial) {
		Assert.notNull(initial, "'initial' must not be null");
		this.initial = Map.copyOf(initial);
		this.current.putAll(this.initial);
	}

	/**
	 * Return the current state of a resource.
	 * @param path the path
	 * @return the representation, empty if the resource does not exist
	 */
	public Optional<Representation> get(String path) {
		return Optional.ofNullable(this.current.get(path));
	}

	/**
	 * Create or replace a resource.
	 * @param path the path
	 * @param representation the new state
	 * @return whether the resource was created
	 */
	public boolean put(String path, Representation representation) {
		Assert.notNull(representation, "'representation' must not be null");
		return this.current.put(path, representation) == null;
	}

	/**
	 * Delete a resource.
	 * @param path the path
	 * @return whether it existed
	 */
	public boolean delete(String path) {
		return this.current.remove(path) != null;
	}

	/**
	 * Return every resource to its initial state, and delete the created ones.
	 */
	public void reset() {
		this.current.clear();
		this.current.putAll(this.initial);
	}

}
