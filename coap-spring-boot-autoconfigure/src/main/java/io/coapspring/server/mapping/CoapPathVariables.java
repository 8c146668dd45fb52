package io.coapspring.server.mapping;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The variables a {@link CoapPathPattern} extracted from a path: an unmodifiable map, in the order of the
 * pattern, over the pattern's names and an array of values, so that a match allocates no more than the values.
 * A lookup compares the few names one by one.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapPathVariables extends AbstractMap<String, String> {

	private final String[] names;

	private final String[] values;

	/**
	 * Create the variables.
	 * @param names the names, distinct, shared with the pattern and never modified
	 * @param values the values, one per name, owned by this map
	 */
	CoapPathVariables(String[] names, String[] values) {
		this.names = names;
		this.values = values;
	}

	@Override
	public int size() {
		return this.names.length;
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public @Nullable String get(@Nullable Object key) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	private int indexOf(@Nullable Object key) {
		for (int i = 0; i < this.names.length; i++) {
			if (this.names[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public Set<Map.Entry<String, String>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public int size() {
				return CoapPathVariables.this.names.length;
			}

			@Override
			public Iterator<Map.Entry<String, String>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < CoapPathVariables.this.names.length;
					}

					@Override
					public Map.Entry<String, String> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new SimpleImmutableEntry<>(CoapPathVariables.this.names[index],
								CoapPathVariables.this.values[index]);
					}

				};
			}

		};
	}

}
