package io.coapspring.lwm2m.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the operations {@code Lwm2mTemplate} sends. Declare a bean of this type to
 * replace {@link DefaultLwm2mRequestObservationConvention}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface Lwm2mRequestObservationConvention extends ObservationConvention<Lwm2mRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof Lwm2mRequestObservationContext;
	}

}
