package io.coapspring.server.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import io.coapspring.server.observation.CoapServerObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.eclipse.californium.core.coap.CoAP.Code;
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
 * <p>
 * The key values and contextual names are made once per route, method and response code and kept (for at most
 * {@value #MAX_CACHED_ROUTES} routes; beyond, they are made per request), so that observing a request allocates
 * none of them; the high cardinality key value, the path, is made once per request.
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

	/**
	 * The most routes whose key values and contextual names are kept.
	 */
	static final int MAX_CACHED_ROUTES = 1024;

	private static final Code[] METHODS = Code.values();

	private static final ResponseCode[] CODES = ResponseCode.values();

	private final String name;

	/** Low cardinality key values by {@code uri} tag, indexed by method and response code. */
	private final Map<String, @Nullable KeyValues[]> keyValues = new ConcurrentHashMap<>();

	/** Contextual names by route ({@code ""} for none), indexed by method. */
	private final Map<String, @Nullable String[]> contextualNames = new ConcurrentHashMap<>();

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
		Request request = context.getRequest();
		@Nullable String[] names = cached(this.contextualNames, (route != null) ? route : "", METHODS.length + 1,
				String[]::new);
		if (names == null) {
			return contextualName(request, route);
		}
		int index = methodIndex(request);
		String name = names[index];
		if (name == null) {
			name = contextualName(request, route);
			names[index] = name;
		}
		return name;
	}

	private static String contextualName(Request request, @Nullable String route) {
		return "coap " + method(request) + ((route != null) ? " " + route : "");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoapServerObservationContext context) {
		Request request = context.getRequest();
		Response response = context.getResponse();
		String uri = uri(context, response);
		@Nullable KeyValues[] byMethodAndCode = cached(this.keyValues, uri, (METHODS.length + 1) * (CODES.length + 1),
				KeyValues[]::new);
		if (byMethodAndCode == null) {
			return lowCardinalityKeyValues(request, uri, response);
		}
		int index = methodIndex(request) * (CODES.length + 1)
				+ ((response != null) ? response.getCode().ordinal() + 1 : 0);
		KeyValues values = byMethodAndCode[index];
		if (values == null) {
			values = lowCardinalityKeyValues(request, uri, response);
			byMethodAndCode[index] = values;
		}
		return values;
	}

	private static KeyValues lowCardinalityKeyValues(Request request, String uri, @Nullable Response response) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.METHOD, method(request)),
				KeyValue.of(LowCardinalityKeyNames.URI, uri),
				KeyValue.of(LowCardinalityKeyNames.CODE, (response != null) ? response.getCode().text : NONE),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(response)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoapServerObservationContext context) {
		return context.getPathKeyValues();
	}

	// the array kept for a route, created on first use; null once the most routes are kept
	private static <T> @Nullable T @Nullable [] cached(Map<String, @Nullable T[]> cache, String route, int size,
			IntFunction<@Nullable T[]> newArray) {
		@Nullable T[] values = cache.get(route);
		if (values == null && cache.size() < MAX_CACHED_ROUTES) {
			values = cache.computeIfAbsent(route, (key) -> newArray.apply(size));
		}
		return values;
	}

	private static int methodIndex(Request request) {
		Code code = request.getCode();
		return (code != null) ? code.ordinal() + 1 : 0;
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
