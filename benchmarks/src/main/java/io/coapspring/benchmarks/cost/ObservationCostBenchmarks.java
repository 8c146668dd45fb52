package io.coapspring.benchmarks.cost;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.observation.CoapServerMeterObservationHandler;
import io.coapspring.server.observation.CoapServerObservationContext;
import io.coapspring.server.observation.CoapServerObservationDocumentation;
import io.coapspring.server.observation.DefaultCoapServerObservationConvention;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What observing one CoAP request costs with a Prometheus registry, as the sample application observes it: a new
 * request (its creation is {@link #requestOnly()}, the baseline), its {@code coap.server.requests} observation
 * with the default convention, started before the route is known, stopped after the response. {@code handler}
 * picks the meter handler: Micrometer's {@code DefaultMeterObservationHandler} alone (Spring Boot's) or the
 * starter's {@link CoapServerMeterObservationHandler} ahead of it, as Spring Boot groups them;
 * {@code longTaskTimer} whether the long task timer per request is recorded.
 * <p>
 * To compare with an older build, run {@code handler=default} with that build's
 * {@code coap-spring-boot-autoconfigure} jar on the class path.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservationCostBenchmarks {

	/** The meter handler: {@code default} or {@code coap}. */
	@Param({ "default", "coap" })
	public String handler;

	/** Whether a long task timer is recorded per request. */
	@Param({ "true", "false" })
	public boolean longTaskTimer;

	private ObservationRegistry registry;

	private DefaultCoapServerObservationConvention convention;

	private AddressEndpointContext peer;

	private Response response;

	@Setup
	public void setUp() {
		PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		IgnoredMeters[] ignored = this.longTaskTimer ? new IgnoredMeters[0]
				: new IgnoredMeters[] { IgnoredMeters.LONG_TASK_TIMER };
		List<ObservationHandler<? extends Observation.Context>> handlers = new ArrayList<>();
		if (this.handler.equals("coap")) {
			handlers.add(new CoapServerMeterObservationHandler(meters, ignored));
		}
		handlers.add(new DefaultMeterObservationHandler(meters, ignored));
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(handlers));
		this.convention = new DefaultCoapServerObservationConvention();
		this.peer = new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 40000));
		this.response = new Response(ResponseCode.CONTENT);
		observeRequest();
		if (meters.find("coap.server.requests").timer() == null) {
			throw new IllegalStateException("The observation recorded no timer");
		}
	}

	/**
	 * A request as the server receives it, without observation: the baseline.
	 * @return the request
	 */
	@Benchmark
	public Request requestOnly() {
		Request request = Request.newGet();
		request.getOptions().setUriPath("hello");
		request.setSourceContext(this.peer);
		CoapRequestRoute.set(request, "/hello");
		return request;
	}

	/**
	 * A request and its observation, from delivery to the response.
	 * @return the observation's context
	 */
	@Benchmark
	public CoapServerObservationContext observeRequest() {
		Request request = Request.newGet();
		request.getOptions().setUriPath("hello");
		request.setSourceContext(this.peer);
		CoapServerObservationContext context = new CoapServerObservationContext(request);
		Observation observation = CoapServerObservationDocumentation.COAP_SERVER_REQUESTS.observation(null,
				this.convention, () -> context, this.registry);
		observation.start();
		CoapRequestRoute.set(request, "/hello");
		context.setResponse(this.response);
		observation.stop();
		return context;
	}

}
