package io.coapspring.server.observation;

import java.util.Iterator;

import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.observation.CoapServerObservationDocumentation.HighCardinalityKeyNames;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplyReceiverContext;

import org.springframework.util.Assert;

/**
 * Context of the observation of one request the CoAP server answers: the Californium request, its route and,
 * once sent, the response.
 * <p>
 * CoAP has no standard option that carries a trace context, so nothing is extracted from the request: a span
 * started for it joins the trace of the current thread, if any, or starts a new one.
 * <p>
 * Every request of the server has one, and a meter handler asks for its low cardinality key values at the start
 * and at the stop of the observation; Micrometer's {@code Context} builds a new, sorted {@link KeyValues} from its
 * map on each call. While the key values are exactly those of one {@link KeyValues} added whole (what a
 * convention adds, the same instance for every request of a route), this context returns that instance instead.
 * Any other change (a single key value added, a key removed) makes it build them again, so what handlers see is
 * always what was added.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerObservationContext extends RequestReplyReceiverContext<Request, Response> {

	private final Request request;

	private @Nullable String remoteServiceAddress;

	private boolean remoteServiceAddressSet;

	private @Nullable String path;

	private @Nullable KeyValues pathKeyValues;

	/** The low cardinality key values when they are exactly one {@link KeyValues} added whole, else null. */
	private volatile @Nullable KeyValues lowCardinalityKeyValues = KeyValues.empty();

	private boolean addingKeyValues;

	/**
	 * Create a context for a request.
	 * @param request the inbound request
	 */
	public CoapServerObservationContext(Request request) {
		super((carrier, key) -> null, Kind.SERVER);
		Assert.notNull(request, "'request' must not be null");
		this.request = request;
		setCarrier(request);
	}

	/**
	 * Return the address of the peer that sent the request, unless one was set; formatted only when asked for,
	 * since most observation handlers (a timer's among them) never ask.
	 * @return the peer's address
	 */
	@Override
	public @Nullable String getRemoteServiceAddress() {
		if (!this.remoteServiceAddressSet) {
			this.remoteServiceAddress = this.request.getSourceContext().getPeerAddress().toString();
			this.remoteServiceAddressSet = true;
		}
		return this.remoteServiceAddress;
	}

	@Override
	public void setRemoteServiceAddress(@Nullable String remoteServiceAddress) {
		this.remoteServiceAddress = remoteServiceAddress;
		this.remoteServiceAddressSet = true;
	}

	/**
	 * Return the request's path, {@code /} followed by its Uri-Path options joined by {@code /}; built once per
	 * request.
	 * @return the path
	 * @since 0.1.0
	 */
	public String getPath() {
		String path = this.path;
		if (path == null) {
			path = "/" + this.request.getOptions().getUriPathString();
			this.path = path;
		}
		return path;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		KeyValues before = this.lowCardinalityKeyValues;
		this.addingKeyValues = true;
		try {
			super.addLowCardinalityKeyValues(keyValues);
		}
		finally {
			this.addingKeyValues = false;
		}
		// the map now holds exactly the added ones if it held nothing else: no key, or the same keys
		this.lowCardinalityKeyValues = (before != null && sameKeys(before, keyValues)) ? keyValues : null;
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		super.addLowCardinalityKeyValue(keyValue);
		if (!this.addingKeyValues) {
			this.lowCardinalityKeyValues = null;
		}
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		super.removeLowCardinalityKeyValue(keyName);
		this.lowCardinalityKeyValues = null;
		return this;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues keyValues = this.lowCardinalityKeyValues;
		return (keyValues != null) ? keyValues : super.getLowCardinalityKeyValues();
	}

	// whether the keys of before are none, or those of after; both are sorted by key without duplicates
	private static boolean sameKeys(KeyValues before, KeyValues after) {
		Iterator<KeyValue> expected = before.iterator();
		if (!expected.hasNext()) {
			return true;
		}
		Iterator<KeyValue> actual = after.iterator();
		while (expected.hasNext()) {
			if (!actual.hasNext() || !expected.next().getKey().equals(actual.next().getKey())) {
				return false;
			}
		}
		return !actual.hasNext();
	}

	/**
	 * Return the {@code coap.path} key value of the request, made once per request.
	 * @return the key values of {@link CoapServerObservationDocumentation.HighCardinalityKeyNames#COAP_PATH}
	 */
	KeyValues getPathKeyValues() {
		KeyValues keyValues = this.pathKeyValues;
		if (keyValues == null) {
			keyValues = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.COAP_PATH, getPath()));
			this.pathKeyValues = keyValues;
		}
		return keyValues;
	}

	/**
	 * Return the request.
	 * @return the inbound request
	 */
	public Request getRequest() {
		return this.request;
	}

	/**
	 * Return the route of the request: the path pattern of the handler mapping, or the path of the resource,
	 * that served it.
	 * @return the route, or {@code null} if no mapping nor resource served the request
	 * @see CoapRequestRoute
	 */
	public @Nullable String getRoute() {
		return CoapRequestRoute.get(this.request);
	}

}
