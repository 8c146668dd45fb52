package io.coapspring.client.observation;

import io.coapspring.client.observation.CoapClientObservationDocumentation.HighCardinalityKeyNames;
import io.coapspring.client.observation.CoapClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link CoapClientObservationConvention}: observations named {@code coap.client.requests} tagged
 * with the method, the remote host, the response code, its outcome and the exception that ended a request
 * without response.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DefaultCoapClientObservationConvention implements CoapClientObservationConvention {

	/**
	 * The default name of the observation, and of the timer it records.
	 */
	public static final String DEFAULT_NAME = "coap.client.requests";

	private static final String NONE = "NONE";

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultCoapClientObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observations
	 */
	public DefaultCoapClientObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(CoapClientObservationContext context) {
		return "coap " + context.getRequest().getCode().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoapClientObservationContext context) {
		Response response = context.getResponse();
		Throwable error = context.getError();
		String host = context.getUri().getHost();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.METHOD, context.getRequest().getCode().name()),
				KeyValue.of(LowCardinalityKeyNames.REMOTE_HOST, (host != null) ? host : "none"),
				KeyValue.of(LowCardinalityKeyNames.CODE, (response != null) ? response.getCode().text : NONE),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(response)),
				KeyValue.of(LowCardinalityKeyNames.EXCEPTION,
						(error != null && response == null) ? error.getClass().getSimpleName() : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoapClientObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.COAP_URL, context.getUri().toString()));
	}

	private static String outcome(@Nullable Response response) {
		if (response == null) {
			return "UNKNOWN";
		}
		ResponseCode code = response.getCode();
		if (code.isSuccess()) {
			return "SUCCESS";
		}
		if (code.isClientError()) {
			return "CLIENT_ERROR";
		}
		return code.isServerError() ? "SERVER_ERROR" : "UNKNOWN";
	}

}
