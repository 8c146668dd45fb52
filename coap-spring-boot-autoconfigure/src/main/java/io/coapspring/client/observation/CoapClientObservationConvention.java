package io.coapspring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of the requests {@code CoapTemplate} sends. Declare a bean of this type to
 * replace {@link DefaultCoapClientObservationConvention}, for instance to drop the {@code remote.host} tag of an
 * application that talks to thousands of devices.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapClientObservationConvention extends ObservationConvention<CoapClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoapClientObservationContext;
	}

}
