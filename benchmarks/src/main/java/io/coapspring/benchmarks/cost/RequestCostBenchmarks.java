package io.coapspring.benchmarks.cost;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.oscore.OscoreRequiredInterceptor;
import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.deduplication.BoundedDeduplicator;
import io.coapspring.server.deduplication.DeduplicationLimits;
import io.coapspring.server.deduplication.DeduplicationStatistics;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapExceptionHandlers;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolverComposite;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseWriter;
import io.coapspring.server.invocation.support.CoapOptionRegistries;
import io.coapspring.server.invocation.support.DefaultHandlerMethodResolvers;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapMappingInfoReader;
import io.coapspring.server.observation.CoapServerObservationContext;
import io.coapspring.server.observation.CoapServerObservationDocumentation;
import io.coapspring.server.observation.DefaultCoapServerObservationConvention;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * The per-request work issue 24 cut, each part on its own and in memory, so that its time and the bytes it
 * allocates per request can be compared between two builds of the starter (run the same benchmark with either
 * build's {@code coap-spring-boot-autoconfigure} jar on the class path): {@link #invokeWithOscoreInterceptor()}
 * answers {@code GET /hello} through the {@link CoapHandlerAdapter} with the {@link OscoreRequiredInterceptor}
 * every application has, in an application that requires OSCORE nowhere; {@link #observeRequest()} makes the
 * {@code coap.server.requests} observation of one request with the default convention and a handler that reads
 * its tags and name as a timer or tracer does; {@link #deduplicate()} and {@link #deduplicateTwoThreads()} hand
 * one new message each to the {@link BoundedDeduplicator} with the starter's default bounds, from 8 peers.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestCostBenchmarks {

	private static final int PEERS = 8;

	private CoapHandlerAdapter adapter;

	private CoapHandlerMapping mapping;

	private Request request;

	private ObservationRegistry registry;

	private DefaultCoapServerObservationConvention convention;

	private Response response;

	private BoundedDeduplicator deduplicator;

	private ScheduledExecutorService executor;

	private InetSocketAddress[] peers;

	private Exchange[] exchanges;

	@Setup
	public void setUp() {
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(
				List.of(new StringCoapMessageConverter(formats)), formats);
		OptionRegistry options = CoapOptionRegistries.withCustomOptions(List.of());
		this.adapter = new CoapHandlerAdapter(
				new CoapHandlerMethodArgumentResolverComposite(DefaultHandlerMethodResolvers.argumentResolvers(
						List.of(), ApplicationConversionService.getSharedInstance(), (value) -> value, options,
						converters, null)),
				new CoapHandlerMethodReturnValueHandlerComposite(DefaultHandlerMethodResolvers
					.returnValueHandlers(List.of(), RequestCostBenchmarks.class.getClassLoader())),
				new CoapExceptionHandlers(), new CoapResponseWriter(converters, options), new CoapErrorResponses(),
				List.of(new OscoreRequiredInterceptor(List.of(), null)));
		Method hello = ReflectionUtils.findMethod(HelloController.class, "hello");
		HelloController controller = new HelloController();
		CoapMappingInfo info = new CoapMappingInfoReader(formats, (value) -> value).read(hello, HelloController.class);
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(controller, hello);
		this.adapter.checkSupported(handlerMethod);
		this.mapping = new CoapHandlerMapping(info.patterns().get(0), info, handlerMethod);
		this.request = Request.newGet();
		this.request.getOptions().setUriPath("hello");
		this.request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 40000)));
		CoapRequestRoute.set(this.request, "/hello");
		if (invokeWithOscoreInterceptor().getCode() != ResponseCode.CONTENT) {
			throw new IllegalStateException("GET /hello was not answered 2.05");
		}
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig().observationHandler(new TagReadingHandler());
		this.convention = new DefaultCoapServerObservationConvention();
		this.response = new Response(ResponseCode.CONTENT);
		this.executor = Executors.newSingleThreadScheduledExecutor();
		this.deduplicator = new BoundedDeduplicator(new DeduplicationLimits(20_000, 64, 10_000,
				Duration.ofSeconds(247), Duration.ofSeconds(10), false), new DeduplicationStatistics());
		this.peers = new InetSocketAddress[PEERS];
		this.exchanges = new Exchange[PEERS];
		for (int i = 0; i < PEERS; i++) {
			this.peers[i] = new InetSocketAddress("127.0.0.1", 40_000 + i);
			Request received = Request.newGet();
			received.setSourceContext(new AddressEndpointContext(this.peers[i]));
			this.exchanges[i] = new Exchange(received, this.peers[i], Origin.REMOTE, this.executor);
		}
	}

	@TearDown
	public void tearDown() {
		this.executor.shutdownNow();
	}

	@Benchmark
	public Response invokeWithOscoreInterceptor() {
		CoapRequest coapRequest = new CoapRequest(this.request, Map.of(), "/hello");
		return this.adapter.handle(this.mapping, coapRequest).toCompletableFuture().join();
	}

	@Benchmark
	public Observation observeRequest() {
		CoapServerObservationContext context = new CoapServerObservationContext(this.request);
		Observation observation = CoapServerObservationDocumentation.COAP_SERVER_REQUESTS
			.observation(null, this.convention, () -> context, this.registry);
		observation.start();
		context.setResponse(this.response);
		observation.stop();
		return observation;
	}

	@Benchmark
	public Exchange deduplicate(Messages messages) {
		return deduplicateNext(messages);
	}

	@Benchmark
	@Threads(2)
	public Exchange deduplicateTwoThreads(Messages messages) {
		return deduplicateNext(messages);
	}

	private Exchange deduplicateNext(Messages messages) {
		int next = messages.next++;
		int peer = messages.firstPeer + (next & 1) + ((next >>> 1) & 2); // 4 peers per thread
		KeyMID key = new KeyMID((next >>> 3) & 0xFFFF, this.peers[peer % PEERS]);
		Exchange previous = this.deduplicator.findPrevious(key, this.exchanges[peer % PEERS]);
		return (previous != null) ? previous : this.exchanges[0];
	}

	/**
	 * The message IDs one thread sends, from its own peers.
	 */
	@State(Scope.Thread)
	public static class Messages {

		int next;

		int firstPeer;

		@Setup(Level.Trial)
		public void setUp(ThreadParams thread) {
			this.firstPeer = (thread.getThreadIndex() % 2) * 4;
		}

	}

	/**
	 * Reads what a timer and a tracer read of an observation: its tags when it starts and stops, its name.
	 */
	static final class TagReadingHandler implements ObservationHandler<Observation.Context> {

		int seen;

		@Override
		public void onStart(Observation.Context context) {
			read(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			read(context);
			this.seen += context.getContextualName().length();
		}

		private void read(Observation.Context context) {
			for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
				this.seen += keyValue.getValue().length();
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	/**
	 * A controller with one text GET.
	 */
	@CoapController
	public static class HelloController {

		/**
		 * Greet.
		 * @return the text
		 */
		@CoapGetMapping(path = "/hello", produces = "text/plain")
		public String hello() {
			return "hello";
		}

	}

}
