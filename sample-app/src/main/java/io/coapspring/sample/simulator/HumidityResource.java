package io.coapspring.sample.simulator;

import java.util.random.RandomGenerator;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A simulated relative humidity sensor as a plain Californium resource: {@code GET /humidity} answers the reading
 * as text, observable (RFC 7641), and every {@link #drift(RandomGenerator)} notifies its observers.
 */
final class HumidityResource extends CoapResource {

	static final String RESOURCE_TYPE = "humidity-rh";

	private volatile double percent;

	HumidityResource(String title, double percent) {
		super("humidity");
		this.percent = percent;
		setObservable(true);
		setObserveType(Type.NON);
		getAttributes().setTitle(title);
		getAttributes().addResourceType(RESOURCE_TYPE);
		getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
		getAttributes().setObservable();
	}

	double percent() {
		return this.percent;
	}

	void drift(RandomGenerator random) {
		double next = this.percent + (random.nextDouble() * 2 - 1) * 1.5;
		this.percent = Math.round(Math.max(5, Math.min(95, next)) * 10) / 10.0;
		changed();
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		exchange.respond(ResponseCode.CONTENT, String.valueOf(this.percent), MediaTypeRegistry.TEXT_PLAIN);
	}

}
