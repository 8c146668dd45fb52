package io.coapspring.lwm2m.cluster.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Metrics of the cluster's LWM2M event stream on this node: {@code coap.cluster.lwm2m.events.published},
 * {@code .delivered}, {@code .claimed}, {@code .failed} and {@code .errors} (see {@link Lwm2mEventCounters}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventMetrics implements MeterBinder {

	private final Lwm2mEventCounters counters;

	/**
	 * Create the metrics.
	 * @param counters the counters
	 */
	public Lwm2mEventMetrics(Lwm2mEventCounters counters) {
		Assert.notNull(counters, "'counters' must not be null");
		this.counters = counters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("coap.cluster.lwm2m.events.published", this.counters, Lwm2mEventCounters::getPublished)
			.description("LWM2M events this node added to the cluster's stream")
			.register(registry);
		FunctionCounter.builder("coap.cluster.lwm2m.events.delivered", this.counters, Lwm2mEventCounters::getDelivered)
			.description("LWM2M events delivered to this node's listeners")
			.register(registry);
		FunctionCounter.builder("coap.cluster.lwm2m.events.claimed", this.counters, Lwm2mEventCounters::getClaimed)
			.description("LWM2M events this node took over from a consumer that did not acknowledge them")
			.register(registry);
		FunctionCounter.builder("coap.cluster.lwm2m.events.failed", this.counters, Lwm2mEventCounters::getFailed)
			.description("LWM2M events not added to the stream, not readable, or whose listener threw")
			.register(registry);
		FunctionCounter.builder("coap.cluster.lwm2m.events.errors", this.counters, Lwm2mEventCounters::getErrors)
			.description("Redis errors while reading, claiming or acknowledging LWM2M events")
			.register(registry);
	}

}
