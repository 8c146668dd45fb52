package io.coapspring.server.observation;

import io.coapspring.server.observation.CoapServerObservationDocumentation.HighCardinalityKeyNames;
import io.coapspring.server.observation.CoapServerObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link CoapServerObservationConvention}: observations named {@code coap.server.requests} tagged
 * with the method, the route ({@code uri}), the response code and its outcome. The {@code uri} tag is the path
 * pattern of the mapping, never the concrete path, so the number of time series stays bounded by the
 * application.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DefaultCoapServerObservationConvention implements CoapServerObservationConvention {

	/**
	 * The default name of the observation, and of the timer it records.
	 */
	public static final String DEFAULT_NAME = "coap.server.requests";

	private static final String NOT_FOUND = "NOT_FOUND";

	private static final String UNKNOWN = "UNKNOWN";

	private static final String NONE = "NONE";

	private final String name;

	/**
	 * Create a convention with the default name.
	 */
	public DefaultCoapServerObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the name of the observations
	 */
	public DefaultCoapServerObservationConvention(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(CoapServerObservationContext context) {
		String route = context.getRoute();
		return "coap " + method(context.getRequest()) + ((route != null) ? " " + route : "");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoapServerObservationContext context) {
		Response response = context.getResponse();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.METHOD, method(context.getRequest())),
				KeyValue.of(LowCardinalityKeyNames.URI, uri(context, response)),
				KeyValue.of(LowCardinalityKeyNames.CODE, (response != null) ? response.getCode().text : NONE),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(response)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoapServerObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.COAP_PATH,
				"/" + context.getRequest().getOptions().getUriPathString()));
	}

	private static String method(Request request) {
		return (request.getCode() != null) ? request.getCode().name() : UNKNOWN;
	}

	private static String uri(CoapServerObservationContext context, @Nullable Response response) {
		String route = context.getRoute();
		if (route != null) {
			return route;
		}
		return (response != null && response.getCode() == ResponseCode.NOT_FOUND) ? NOT_FOUND : UNKNOWN;
	}

	/**
	 * Return the outcome of a response code class.
	 * @param response the response, or {@code null} if none was sent
	 * @return {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}
	 */
	static String outcome(@Nullable Response response) {
		if (response == null) {
			return UNKNOWN;
		}
		ResponseCode code = response.getCode();
		if (code.isSuccess()) {
			return "SUCCESS";
		}
		if (code.isClientError()) {
			return "CLIENT_ERROR";
		}
		return code.isServerError() ? "SERVER_ERROR" : UNKNOWN;
	}

}
