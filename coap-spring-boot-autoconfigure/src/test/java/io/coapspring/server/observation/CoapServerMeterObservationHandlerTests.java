package io.coapspring.server.observation;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;

import io.coapspring.server.CoapRequestRoute;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapServerMeterObservationHandler}: it records the meters Micrometer's default handler
 * records, and keeps the timers of a route.
 */
class CoapServerMeterObservationHandlerTests {

	@Test
	void recordsTheMetersOfTheDefaultHandler() {
		MeterRegistry coap = observeRequests((meters) -> new CoapServerMeterObservationHandler(meters));
		MeterRegistry reference = observeRequests(DefaultMeterObservationHandler::new);
		assertThat(describe(coap)).isNotEmpty().containsExactlyInAnyOrderElementsOf(describe(reference));
		assertThat(coap.find("coap.server.requests").tag("uri", "/things/{id}").tag("code", "2.05")
			.tag("error", "none").timer().count()).isEqualTo(3);
		assertThat(coap.find("coap.server.requests").tag("error", "IllegalStateException").timer().count()).isOne();
	}

	@Test
	void leavesLongTaskTimersOutWhenIgnored() {
		MeterRegistry coap = observeRequests(
				(meters) -> new CoapServerMeterObservationHandler(meters, IgnoredMeters.LONG_TASK_TIMER));
		MeterRegistry reference = observeRequests(
				(meters) -> new DefaultMeterObservationHandler(meters, IgnoredMeters.LONG_TASK_TIMER));
		assertThat(describe(coap)).containsExactlyInAnyOrderElementsOf(describe(reference));
		assertThat(coap.find("coap.server.requests.active").longTaskTimer()).isNull();
	}

	@Test
	void keepsTheTimerOfARoute() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new CoapServerMeterObservationHandler(meters));
		observe(registry, "/a", ResponseCode.CONTENT, null);
		Timer first = meters.find("coap.server.requests").timer();
		meters.remove(first);
		observe(registry, "/a", ResponseCode.CONTENT, null);
		// kept, so still recorded into although removed from the registry: as a Timer a caller kept would be
		assertThat(first.count()).isEqualTo(2);
	}

	private static MeterRegistry observeRequests(Function<MeterRegistry, ObservationHandler<?>> handler) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler.apply(meters));
		for (int i = 0; i < 3; i++) {
			observe(registry, "/things/{id}", ResponseCode.CONTENT, null);
		}
		observe(registry, "/things/{id}", ResponseCode.NOT_FOUND, null);
		observe(registry, null, ResponseCode.NOT_FOUND, null);
		observe(registry, "/things/{id}", ResponseCode.INTERNAL_SERVER_ERROR, new IllegalStateException("boom"));
		Observation open = observation(registry, "/open");
		open.start();
		return meters;
	}

	private static void observe(ObservationRegistry registry, @Nullable String route, ResponseCode code,
			@Nullable Throwable error) {
		Observation observation = observation(registry, route);
		observation.start();
		((CoapServerObservationContext) observation.getContext()).setResponse(new Response(code));
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private static Observation observation(ObservationRegistry registry, @Nullable String route) {
		Request request = Request.newGet();
		request.getOptions().setUriPath("things/42");
		request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
		if (route != null) {
			CoapRequestRoute.set(request, route);
		}
		CoapServerObservationContext context = new CoapServerObservationContext(request);
		return CoapServerObservationDocumentation.COAP_SERVER_REQUESTS.observation(null,
				new DefaultCoapServerObservationConvention(), () -> context, registry);
	}

	// every meter with its type, tags and what it counted
	private static List<String> describe(MeterRegistry meters) {
		return meters.getMeters().stream().map((meter) -> meter.getId().getType() + " " + meter.getId().getName()
				+ meter.getId().getTags() + " " + measure(meter)).toList();
	}

	private static String measure(Meter meter) {
		if (meter instanceof Timer timer) {
			return "count=" + timer.count();
		}
		if (meter instanceof LongTaskTimer timer) {
			return "active=" + timer.activeTasks();
		}
		return "";
	}

}
