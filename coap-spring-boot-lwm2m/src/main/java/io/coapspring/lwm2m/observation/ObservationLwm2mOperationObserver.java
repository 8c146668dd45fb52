package io.coapspring.lwm2m.observation;

import io.coapspring.lwm2m.core.Lwm2mOperationObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Opens one Micrometer {@link Observation} ({@code lwm2m.requests}) per operation a {@code Lwm2mTemplate} sends,
 * with the current observation as its parent, and stops it with the operation's outcome.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ObservationLwm2mOperationObserver implements Lwm2mOperationObserver {

	private static final DefaultLwm2mRequestObservationConvention DEFAULT_CONVENTION =
			new DefaultLwm2mRequestObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable Lwm2mRequestObservationConvention convention;

	/**
	 * Create an observer.
	 * @param registry the registry observations are made in
	 * @param convention the convention, or {@code null} for {@link DefaultLwm2mRequestObservationConvention}
	 */
	public ObservationLwm2mOperationObserver(ObservationRegistry registry,
			@Nullable Lwm2mRequestObservationConvention convention) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public Stop start(String operation, String endpoint, String path) {
		Lwm2mRequestObservationContext context = new Lwm2mRequestObservationContext(operation, endpoint, path);
		Observation observation = Lwm2mRequestObservationDocumentation.LWM2M_REQUESTS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		return (failure) -> {
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

}
