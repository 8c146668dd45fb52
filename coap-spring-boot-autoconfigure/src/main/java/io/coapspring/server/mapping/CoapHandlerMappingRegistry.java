package io.coapspring.server.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapMethod;

import org.springframework.util.Assert;

/**
 * The handler method mappings of an application, filled before the server starts and read concurrently
 * afterwards.
 * <p>
 * Registering a mapping that would serve exactly the same requests as an existing one (same pattern shape,
 * a common method, overlapping {@code consumes} and overlapping {@code produces}) fails with an
 * {@link IllegalStateException} naming both handler methods, so an ambiguous application does not start.
 * <p>
 * A method can be switched off and on again for a path pattern at run time (as the Pycom CoAP module's
 * per-resource enable and disable): requests with a disabled method are answered with 4.05 Method Not Allowed.
 * <p>
 * Mappings can also be registered and {@linkplain #unregister(CoapHandlerMapping) unregistered} while the server
 * runs (functional routes do): each change publishes a new immutable index, so a request in flight keeps the
 * mapping it was routed to and the next one sees the change.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerMappingRegistry {

	private final Object lock = new Object();

	private volatile CoapPathPatternIndex index = CoapPathPatternIndex.EMPTY;

	private volatile int revision;

	private final Set<String> disabled = ConcurrentHashMap.newKeySet();

	/**
	 * Register a mapping.
	 * @param mapping the mapping
	 * @throws IllegalStateException if the mapping is ambiguous with one already registered
	 */
	public void register(CoapHandlerMapping mapping) {
		Assert.notNull(mapping, "'mapping' must not be null");
		synchronized (this.lock) {
			List<CoapPathPatternIndex.Group> groups = this.index.groups();
			for (CoapPathPatternIndex.Group group : groups) {
				for (CoapHandlerMapping existing : group.mappings()) {
					if (isAmbiguous(existing, mapping)) {
						throw new IllegalStateException("Ambiguous CoAP mapping: '" + mapping.describe() + "' of "
								+ mapping.handlerMethod().getShortDescription() + " and '" + existing.describe()
								+ "' of " + existing.handlerMethod().getShortDescription()
								+ " would handle the same requests. Give them distinct paths, methods, consumes"
								+ " or produces.");
					}
				}
			}
			List<CoapPathPatternIndex.Group> updated = new ArrayList<>(groups);
			int position = position(groups, mapping.pattern());
			if (position >= 0) {
				CoapPathPatternIndex.Group group = groups.get(position);
				List<CoapHandlerMapping> mappings = new ArrayList<>(group.mappings());
				mappings.add(mapping);
				updated.set(position, new CoapPathPatternIndex.Group(group.pattern(), List.copyOf(mappings)));
			}
			else {
				updated.add(-position - 1, new CoapPathPatternIndex.Group(mapping.pattern(), List.of(mapping)));
			}
			this.index = new CoapPathPatternIndex(updated);
			this.revision++;
		}
	}

	/**
	 * Unregister a mapping.
	 * @param mapping the mapping, as registered
	 * @throws IllegalArgumentException if the mapping is not registered
	 */
	public void unregister(CoapHandlerMapping mapping) {
		Assert.notNull(mapping, "'mapping' must not be null");
		synchronized (this.lock) {
			List<CoapPathPatternIndex.Group> groups = this.index.groups();
			int position = position(groups, mapping.pattern());
			List<CoapHandlerMapping> mappings = (position >= 0) ? new ArrayList<>(groups.get(position).mappings())
					: new ArrayList<>();
			if (!mappings.remove(mapping)) {
				throw new IllegalArgumentException("No CoAP mapping '" + mapping.describe() + "' of "
						+ mapping.handlerMethod().getShortDescription() + " is registered");
			}
			List<CoapPathPatternIndex.Group> updated = new ArrayList<>(groups);
			if (mappings.isEmpty()) {
				updated.remove(position);
				// a pattern registered again starts with every method switched on
				for (CoapMethod method : CoapMethod.values()) {
					this.disabled.remove(key(mapping.pattern(), method));
				}
			}
			else {
				updated.set(position, new CoapPathPatternIndex.Group(mapping.pattern(), List.copyOf(mappings)));
			}
			this.index = new CoapPathPatternIndex(updated);
			this.revision++;
		}
	}

	/**
	 * Return a number that changes whenever a mapping is registered or unregistered, so that what was derived from earlier
	 * matches (a cached resource, for instance) can tell that it may be stale.
	 * @return the revision of the mappings
	 */
	public int getRevision() {
		return this.revision;
	}

	/**
	 * Find the group of a pattern in groups sorted by pattern, as {@link Collections#binarySearch(List, Object)}.
	 * @param groups the groups, the most specific pattern first
	 * @param pattern the pattern
	 * @return the position of its group, or {@code -(insertion point) - 1} if it has none
	 */
	private static int position(List<CoapPathPatternIndex.Group> groups, CoapPathPattern pattern) {
		int low = 0;
		int high = groups.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int comparison = groups.get(middle).pattern().compareTo(pattern);
			if (comparison < 0) {
				low = middle + 1;
			}
			else if (comparison > 0) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -(low + 1);
	}

	private static boolean isAmbiguous(CoapHandlerMapping left, CoapHandlerMapping right) {
		return left.pattern().getShape().equals(right.pattern().getShape())
				&& !Collections.disjoint(left.info().methods(), right.info().methods())
				&& overlap(left.info().consumes(), right.info().consumes())
				&& overlap(left.info().produces(), right.info().produces());
	}

	private static boolean overlap(List<Integer> left, List<Integer> right) {
		return left.isEmpty() || right.isEmpty() || !Collections.disjoint(left, right);
	}

	/**
	 * Switch a method of a path pattern off or on.
	 * @param pattern the path pattern as mapped, for instance {@code /sensors/{id}}
	 * @param method the method
	 * @param enabled whether requests with the method are handled
	 * @throws IllegalArgumentException if no mapping handles the method for the pattern
	 */
	public void setEnabled(String pattern, CoapMethod method, boolean enabled) {
		Assert.notNull(pattern, "'pattern' must not be null");
		Assert.notNull(method, "'method' must not be null");
		CoapPathPattern parsed = CoapPathPattern.parse(pattern);
		boolean mapped = this.index.groups()
			.stream()
			.filter((group) -> group.pattern().equals(parsed))
			.flatMap((group) -> group.mappings().stream())
			.anyMatch((mapping) -> mapping.info().methods().contains(method));
		Assert.isTrue(mapped, () -> "No CoAP mapping handles " + method + " " + parsed);
		if (enabled) {
			this.disabled.remove(key(parsed, method));
		}
		else {
			this.disabled.add(key(parsed, method));
		}
	}

	/**
	 * Return whether a method of a path pattern is switched on.
	 * @param pattern the path pattern
	 * @param method the method
	 * @return {@code false} if it was switched off
	 */
	public boolean isEnabled(CoapPathPattern pattern, CoapMethod method) {
		return this.disabled.isEmpty() || !this.disabled.contains(key(pattern, method));
	}

	private static String key(CoapPathPattern pattern, CoapMethod method) {
		return method + " " + pattern.getPattern();
	}

	/**
	 * Return every registered mapping, the most specific patterns first.
	 * @return the mappings
	 */
	public List<CoapHandlerMapping> getMappings() {
		List<CoapHandlerMapping> mappings = new ArrayList<>();
		for (CoapPathPatternIndex.Group group : this.index.groups()) {
			mappings.addAll(group.mappings());
		}
		return Collections.unmodifiableList(mappings);
	}

	/**
	 * Return whether no mapping is registered.
	 * @return {@code true} if the registry is empty
	 */
	public boolean isEmpty() {
		return this.index.groups().isEmpty();
	}

	/**
	 * Find the patterns that match a request path, whatever the method. The registry keeps an index of the
	 * patterns, so that the lookup does not try every pattern.
	 * @param path the Uri-Path segments, empty segments excluded
	 * @return the matches, the most specific pattern first; empty if none matches
	 */
	public List<CoapPathMatch> match(List<String> path) {
		return this.index.match(path);
	}

}
