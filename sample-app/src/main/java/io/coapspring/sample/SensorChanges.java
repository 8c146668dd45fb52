package io.coapspring.sample;

import org.jspecify.annotations.Nullable;

/**
 * A partial update of a sensor (PATCH): only the fields present change.
 *
 * @param name the new name, or {@code null} to keep it
 * @param celsius the new reading, or {@code null} to keep it
 */
public record SensorChanges(@Nullable String name, @Nullable Double celsius) {
}
