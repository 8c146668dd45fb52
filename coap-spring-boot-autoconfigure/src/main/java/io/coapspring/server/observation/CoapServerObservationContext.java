package io.coapspring.server.observation;

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
 * Every request of the server has one, so its key values are kept cheaply: Micrometer's {@code Context} puts
 * each key value added into a map, and builds a new sorted {@link KeyValues} from it whenever a handler asks (a
 * meter handler asks at the start and at the stop). While the key values of a cardinality are exactly one
 * {@link KeyValues} added whole (what a convention adds, the same instance for every request of a route), this
 * context keeps that instance instead and returns it; any other change moves them into the map (see
 * {@link WholeKeyValues}), so what handlers see is always what was added.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerObservationContext extends RequestReplyReceiverContext<Request, Response> {

	private final Request request;

	private final CoapRequestRoute routeHolder;

	private @Nullable String remoteServiceAddress;

	private boolean remoteServiceAddressSet;

	private @Nullable String path;

	private @Nullable KeyValues pathKeyValues;

	private long timingStart;

	// a LongTaskTimer.Sample, typed Object so that this class needs no micrometer-core, which observations lack
	private volatile @Nullable Object activeSample;

	private final WholeKeyValues lowCardinality = new WholeKeyValues();

	private final WholeKeyValues highCardinality = new WholeKeyValues();

	/**
	 * Create a context for a request.
	 * @param request the inbound request
	 */
	public CoapServerObservationContext(Request request) {
		super((carrier, key) -> null, Kind.SERVER);
		Assert.notNull(request, "'request' must not be null");
		this.request = request;
		// held here: an observe registration's route leaves the request as soon as its response is sent
		this.routeHolder = CoapRequestRoute.track(request);
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
		if (!this.lowCardinality.keep(keyValues, super::addLowCardinalityKeyValue)) {
			super.addLowCardinalityKeyValues(keyValues);
		}
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		this.lowCardinality.spill(super::addLowCardinalityKeyValue);
		return super.addLowCardinalityKeyValue(keyValue);
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		this.lowCardinality.spill(super::addLowCardinalityKeyValue);
		return super.removeLowCardinalityKeyValue(keyName);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		KeyValues kept = this.lowCardinality.get();
		return (kept != null) ? kept : super.getLowCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
		KeyValues kept = this.lowCardinality.get();
		return (kept != null) ? WholeKeyValues.find(kept, key) : super.getLowCardinalityKeyValue(key);
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		if (this.highCardinality.get() == keyValues) {
			// added again: the convention's coap.path, the same instance at the start and at the stop
			return this;
		}
		if (!this.highCardinality.keep(keyValues, super::addHighCardinalityKeyValue)) {
			super.addHighCardinalityKeyValues(keyValues);
		}
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		this.highCardinality.spill(super::addHighCardinalityKeyValue);
		return super.addHighCardinalityKeyValue(keyValue);
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		this.highCardinality.spill(super::addHighCardinalityKeyValue);
		return super.removeHighCardinalityKeyValue(keyName);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues() {
		KeyValues kept = this.highCardinality.get();
		return (kept != null) ? kept : super.getHighCardinalityKeyValues();
	}

	@Override
	public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
		KeyValues kept = this.highCardinality.get();
		return (kept != null) ? WholeKeyValues.find(kept, key) : super.getHighCardinalityKeyValue(key);
	}

	/**
	 * Return the {@code coap.path} key value of the request, made once per request, when the observation starts:
	 * Californium offloads the request's options once the response is sent, before the observation stops.
	 * @return the key values of {@link HighCardinalityKeyNames#COAP_PATH}
	 */
	KeyValues getPathKeyValues() {
		KeyValues keyValues = this.pathKeyValues;
		if (keyValues == null) {
			keyValues = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.COAP_PATH, getPath()));
			this.pathKeyValues = keyValues;
		}
		return keyValues;
	}

	// kept here by CoapServerMeterObservationHandler rather than in the context's map; the observation hands the
	// context from the delivering thread to the sending one through a concurrent map, which publishes them
	void startTiming(long monotonicTime) {
		this.timingStart = monotonicTime;
	}

	long getTimingStart() {
		return this.timingStart;
	}

	void startActiveSample(Object sample) {
		this.activeSample = sample;
	}

	@Nullable Object getActiveSample() {
		return this.activeSample;
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
		return this.routeHolder.getRoute();
	}

}
