package io.coapspring.benchmarks.jmh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.server.function.CoapRouteMappings;
import io.coapspring.server.function.CoapRouterFunctions;
import io.coapspring.server.function.CoapServerResponse;
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
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * A functional GET against the annotated GET that does the same, through the {@link CoapHandlerAdapter} wired
 * as the auto-configuration wires it: {@code GET /sensors/{id}} with {@code Accept: application/json}, the path
 * variable read and a record written as JSON. {@link #annotated()} invokes a {@code @CoapGetMapping} method with a
 * {@code @CoapPathVariable}; {@link #functional()} the mapping that {@link CoapRouteMappings} makes of
 * {@code route().GET("/sensors/{id}", handler)}, whose handler reads {@code request.pathVariable("id")}. The
 * requests are built in memory; no network is involved.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FunctionalRouteBenchmarks {

	private static final String PATTERN = "/sensors/{id}";

	private CoapHandlerAdapter adapter;

	private CoapHandlerMapping annotatedMapping;

	private CoapHandlerMapping functionalMapping;

	private Request request;

	private Map<String, String> variables;

	@Setup
	public void setUp() {
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats),
				new ByteArrayCoapMessageConverter(), new JacksonJsonCoapMessageConverter(JsonMapper.builder().build())),
				formats);
		OptionRegistry optionRegistry = CoapOptionRegistries.withCustomOptions(List.of());
		this.adapter = new CoapHandlerAdapter(
				new CoapHandlerMethodArgumentResolverComposite(DefaultHandlerMethodResolvers.argumentResolvers(
						List.of(), ApplicationConversionService.getSharedInstance(), (value) -> value, optionRegistry,
						converters, null)),
				new CoapHandlerMethodReturnValueHandlerComposite(DefaultHandlerMethodResolvers.returnValueHandlers(
						List.of(), FunctionalRouteBenchmarks.class.getClassLoader())),
				new CoapExceptionHandlers(), new CoapResponseWriter(converters, optionRegistry), new CoapErrorResponses());
		CoapMappingInfoReader reader = new CoapMappingInfoReader(formats, (value) -> value);
		SensorController controller = new SensorController();
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(controller,
				ReflectionUtils.findMethod(SensorController.class, "read", String.class));
		CoapMappingInfo info = reader.read(handlerMethod.getMethod(), SensorController.class);
		this.adapter.checkSupported(handlerMethod);
		this.annotatedMapping = new CoapHandlerMapping(info.patterns().get(0), info, handlerMethod);
		this.functionalMapping = CoapRouteMappings.of("benchmark", CoapRouterFunctions.route()
			.GET(PATTERN, (request) -> CoapServerResponse.ok(new SensorReading(request.pathVariable("id"), 21.5)))
			.build()).get(0);
		this.adapter.checkSupported(this.functionalMapping.handlerMethod());
		this.request = Request.newGet();
		this.request.getOptions().setUriPath("sensors/s-7").setAccept(MediaTypeRegistry.APPLICATION_JSON);
		this.variables = Map.of("id", "s-7");
		check(annotated());
		check(functional());
	}

	private static void check(Response response) {
		if (response.getCode() != ResponseCode.CONTENT || !response.getPayloadString().contains("s-7")) {
			throw new IllegalStateException("Unexpected " + response.getCode() + ": " + response.getPayloadString());
		}
	}

	@Benchmark
	public Response annotated() {
		return this.adapter.handle(this.annotatedMapping, new CoapRequest(this.request, this.variables, PATTERN))
			.toCompletableFuture()
			.join();
	}

	@Benchmark
	public Response functional() {
		return this.adapter.handle(this.functionalMapping, new CoapRequest(this.request, this.variables, PATTERN))
			.toCompletableFuture()
			.join();
	}

	/**
	 * The annotated counterpart of the functional route.
	 */
	@CoapController
	public static class SensorController {

		/**
		 * Read a sensor.
		 * @param id the sensor
		 * @return its reading
		 */
		@CoapGetMapping(PATTERN)
		public SensorReading read(@CoapPathVariable String id) {
			return new SensorReading(id, 21.5);
		}

	}

	/**
	 * The body of the answer.
	 *
	 * @param id the sensor
	 * @param celsius the temperature
	 */
	public record SensorReading(String id, double celsius) {
	}

}
