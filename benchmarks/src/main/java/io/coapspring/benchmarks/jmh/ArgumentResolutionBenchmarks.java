package io.coapspring.benchmarks.jmh;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapExceptionHandlers;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
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
import jakarta.validation.Valid;
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
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Argument resolution and invocation of typical handler methods, through the {@link CoapHandlerAdapter} wired
 * as {@code CoapHandlerAutoConfiguration} wires it. {@link #invoke()}: {@code GET /devices/{id}/readings?limit=10}
 * with {@code Accept: application/json}, a {@code @CoapPathVariable String id} and a {@code @CoapQueryParam int
 * limit}, answered with a record written as JSON. {@link #post()}: the JSON POST scenario's handler, its 200-byte
 * body read into a {@code @Valid @CoapPayload Reading} and validated with Bean Validation, answered 2.04. The
 * Californium requests are built in memory, no network is involved; the benchmarks cover the {@link CoapRequest}
 * view, the resolution of the arguments, the call and the writing of the response.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ArgumentResolutionBenchmarks {

	private static final String PATTERN = "/devices/{id}/readings";

	private CoapHandlerAdapter adapter;

	private CoapHandlerMapping mapping;

	private Request request;

	private Map<String, String> variables;

	private CoapHandlerMapping postMapping;

	private Request postRequest;

	@Setup
	public void setUp() {
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats),
				new ByteArrayCoapMessageConverter(), new JacksonJsonCoapMessageConverter(JsonMapper.builder().build()),
				new JacksonCborCoapMessageConverter(CBORMapper.builder().build())), formats);
		OptionRegistry optionRegistry = CoapOptionRegistries.withCustomOptions(List.of());
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		this.adapter = adapter(converters, optionRegistry, validator);
		CoapMappingInfoReader reader = new CoapMappingInfoReader(formats, (value) -> value);
		this.mapping = mapping(reader, new DeviceController(),
				ReflectionUtils.findMethod(DeviceController.class, "readings", String.class, int.class));
		this.request = Request.newGet();
		this.request.getOptions()
			.setUriPath("devices/d-42/readings")
			.setUriQuery("limit=10")
			.setAccept(MediaTypeRegistry.APPLICATION_JSON);
		this.variables = Map.of("id", "d-42");
		Response response = invoke();
		check(response, ResponseCode.CONTENT);
		this.postMapping = mapping(reader, new ReadingController(),
				ReflectionUtils.findMethod(ReadingController.class, "reading", Reading.class));
		this.postRequest = Request.newPost();
		this.postRequest.getOptions()
			.setUriPath(ScenarioPaths.READING.substring(1))
			.setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		this.postRequest.setPayload(Reading.SAMPLE_JSON);
		check(post(), ResponseCode.CHANGED);
	}

	private CoapHandlerMapping mapping(CoapMappingInfoReader reader, Object controller, Method handler) {
		CoapMappingInfo info = reader.read(handler, controller.getClass());
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(controller, handler);
		this.adapter.checkSupported(handlerMethod);
		return new CoapHandlerMapping(info.patterns().get(0), info, handlerMethod);
	}

	private static void check(Response response, ResponseCode expected) {
		if (response.getCode() != expected) {
			throw new IllegalStateException("Expected " + expected + " but got " + response.getCode() + ": "
					+ response.getPayloadString());
		}
	}

	private static CoapHandlerAdapter adapter(CoapMessageConverters converters, OptionRegistry optionRegistry,
			Validator validator) {
		ConversionService conversionService = ApplicationConversionService.getSharedInstance();
		List<CoapHandlerMethodArgumentResolver> resolvers = DefaultHandlerMethodResolvers.argumentResolvers(List.of(),
				conversionService, (value) -> value, optionRegistry, converters, validator);
		List<CoapHandlerMethodReturnValueHandlerComposite.HandlerFactory> handlers = DefaultHandlerMethodResolvers
			.returnValueHandlers(List.of(), ArgumentResolutionBenchmarks.class.getClassLoader());
		return new CoapHandlerAdapter(new CoapHandlerMethodArgumentResolverComposite(resolvers),
				new CoapHandlerMethodReturnValueHandlerComposite(handlers), new CoapExceptionHandlers(),
				new CoapResponseWriter(converters, optionRegistry), new CoapErrorResponses());
	}

	@Benchmark
	public Response invoke() {
		CoapRequest coapRequest = new CoapRequest(this.request, this.variables, PATTERN);
		return this.adapter.handle(this.mapping, coapRequest).toCompletableFuture().join();
	}

	@Benchmark
	public Response post() {
		CoapRequest coapRequest = new CoapRequest(this.postRequest, Map.of(), ScenarioPaths.READING);
		return this.adapter.handle(this.postMapping, coapRequest).toCompletableFuture().join();
	}

	/**
	 * A typical controller.
	 */
	@CoapController
	public static class DeviceController {

		/**
		 * The latest readings of a device.
		 * @param id the device
		 * @param limit how many readings
		 * @return the summary
		 */
		@CoapGetMapping(PATTERN)
		public DeviceReadings readings(@CoapPathVariable String id, @CoapQueryParam int limit) {
			return new DeviceReadings(id, limit, 21.5);
		}

	}

	/**
	 * The JSON POST scenario's handler, as the starter's benchmark server declares it.
	 */
	@CoapController
	public static class ReadingController {

		/**
		 * Accept a reading.
		 * @param reading the reading, validated
		 */
		@CoapPostMapping(path = ScenarioPaths.READING, consumes = "application/json")
		public void reading(@CoapPayload @Valid Reading reading) {
		}

	}

	/**
	 * The body of the answer.
	 *
	 * @param deviceId the device
	 * @param count how many readings were asked for
	 * @param average the average value
	 */
	public record DeviceReadings(String deviceId, int count, double average) {
	}

}
