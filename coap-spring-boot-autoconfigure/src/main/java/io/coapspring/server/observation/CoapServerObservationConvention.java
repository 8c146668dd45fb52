package io.coapspring.server.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the requests the CoAP server answers. Declare a bean of this type to replace
 * {@link DefaultCoapServerObservationConvention}, for instance to add a tag.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapServerObservationConvention extends ObservationConvention<CoapServerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoapServerObservationContext;
	}

}
