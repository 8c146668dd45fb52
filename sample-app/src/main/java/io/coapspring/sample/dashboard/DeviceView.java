package io.coapspring.sample.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A device as the devices panel shows it.
 *
 * @param kind {@code sensor} (a sensor of this application), {@code rd} (a node registered in its Resource
 * Directory) or {@code lwm2m} (an LWM2M client registered with its LWM2M server)
 * @param endpoint the endpoint name
 * @param name a human-readable name
 * @param address where it is reached
 * @param resources the paths of its resources (object links for LWM2M)
 * @param lastSeen when it was last heard of: its last reading, registration or registration update
 * @param online whether it is online: a recent reading, or a registration that has not expired
 * @param details more state, such as a sensor's threshold
 * @param series the chart series of its readings
 * @since 0.1.0
 */
public record DeviceView(String kind, String endpoint, String name, String address, List<String> resources,
		@Nullable Instant lastSeen, boolean online, Map<String, String> details, List<String> series) {
}
