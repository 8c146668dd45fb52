package io.coapspring.lwm2m.observation;

import io.coapspring.lwm2m.core.Lwm2mOutcomes;
import io.coapspring.lwm2m.observation.Lwm2mRequestObservationDocumentation.HighCardinalityKeyNames;
import io.coapspring.lwm2m.observation.Lwm2mRequestObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.util.Assert;

/**
 * The default {@link Lwm2mRequestObservationConvention}: observations named {@code lwm2m.requests} tagged with
 * the operation and its outcome; the endpoint name and path annotate traces only.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DefaultLwm2mRequestObservationConvention implements Lwm2mRequestObservationConvention {

	/**
	 * The default name of the observation, and of the timer it records.
	 */
	public static final String DEFAULT_NAME = "lwm2m.requests";

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultLwm2mRequestObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observations
	 */
	public DefaultLwm2mRequestObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(Lwm2mRequestObservationContext context) {
		return "lwm2m " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(Lwm2mRequestObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, Lwm2mOutcomes.of(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(Lwm2mRequestObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.ENDPOINT, context.getEndpoint()),
				KeyValue.of(HighCardinalityKeyNames.PATH, context.getPath()));
	}

}
