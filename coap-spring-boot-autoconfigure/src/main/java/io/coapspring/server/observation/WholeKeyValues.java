package io.coapspring.server.observation;

import java.util.Iterator;
import java.util.function.Consumer;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The key values of one cardinality of a {@link CoapServerObservationContext} while they are exactly one
 * {@link KeyValues} added whole: what a convention adds at the start and again at the stop of an observation, the
 * same instance for every request of a route. Kept so, they need no entry in the context's own map, and handlers
 * asking for them get that instance instead of a new sorted copy of the map.
 * <p>
 * Any other change (key values with other keys, a single key value, a removal) spills them into the context's
 * map first, for good: from then on the map holds them, as in any Micrometer context. They are written to the map
 * before they stop being kept, so a reader sees them in one place or the other, never in neither.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class WholeKeyValues {

	/** The key values while they are one {@link KeyValues} (empty at first), or {@code null} once spilled. */
	private volatile @Nullable KeyValues whole = KeyValues.empty();

	/**
	 * Keep the added key values, if they replace those kept (the same keys) or nothing was added yet; otherwise
	 * spill those kept.
	 * @param added the key values added whole
	 * @param map adds one key value to the context's map
	 * @return {@code true} if kept, {@code false} if the caller must add them to the map
	 */
	synchronized boolean keep(KeyValues added, Consumer<KeyValue> map) {
		KeyValues current = this.whole;
		if (current != null && sameKeys(current, added)) {
			this.whole = added;
			return true;
		}
		spill(map);
		return false;
	}

	/**
	 * Move the key values kept into the context's map, before it is changed otherwise.
	 * @param map adds one key value to the context's map
	 */
	synchronized void spill(Consumer<KeyValue> map) {
		KeyValues current = this.whole;
		if (current != null) {
			current.forEach(map);
			this.whole = null;
		}
	}

	/**
	 * Return the key values kept.
	 * @return the key values, or {@code null} if they are in the context's map
	 */
	@Nullable KeyValues get() {
		return this.whole;
	}

	/**
	 * Find one key value among those kept.
	 * @param keyValues the key values kept
	 * @param key the key
	 * @return its key value, or {@code null} if there is none
	 */
	static @Nullable KeyValue find(KeyValues keyValues, String key) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equals(key)) {
				return keyValue;
			}
		}
		return null;
	}

	// whether the keys of before are none, or those of after; both are sorted by key without duplicates
	private static boolean sameKeys(KeyValues before, KeyValues after) {
		Iterator<KeyValue> expected = before.iterator();
		if (!expected.hasNext()) {
			return true;
		}
		Iterator<KeyValue> actual = after.iterator();
		while (expected.hasNext()) {
			if (!actual.hasNext() || !expected.next().getKey().equals(actual.next().getKey())) {
				return false;
			}
		}
		return !actual.hasNext();
	}

}
