package io.coapspring.benchmarks.jmh;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.option.CoapOptionRegistries;
import io.coapspring.server.handler.CoapErrorResponses;
import io.coapspring.server.handler.CoapExceptionHandlers;
import io.coapspring.server.handler.CoapHandlerAdapter;
import io.coapspring.server.handler.CoapHandlerMapping;
import io.coapspring.server.handler.CoapHandlerMethod;
import io.coapspring.server.handler.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.handler.CoapHandlerMethodArgumentResolverComposite;
import io.coapspring.server.handler.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.handler.CoapMappingInfo;
import io.coapspring.server.handler.CoapMappingInfoReader;
import io.coapspring.server.handler.CoapRequest;
import io.coapspring.server.handler.CoapResponseWriter;
import io.coapspring.server.handler.support.CompletionStageReturnValueHandler;
import io.coapspring.server.handler.support.CoapRequestArgumentResolver;
import io.coapspring.server.handler.support.OptionArgumentResolver;
import io.coapspring.server.handler.support.OptionalReturnValueHandler;
import io.coapspring.server.handler.support.PathVariableArgumentResolver;
import io.coapspring.server.handler.support.PayloadArgumentResolver;
import io.coapspring.server.handler.support.PayloadReturnValueHandler;
import io.coapspring.server.handler.support.QueryParamArgumentResolver;
import io.coapspring.server.handler.support.RawPayloadArgumentResolver;
import io.coapspring.server.handler.support.ResponseEntityReturnValueHandler;
import io.coapspring.server.handler.support.VoidReturnValueHandler;
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

/**
 * Argument resolution and invocation of a typical handler method, through the {@link CoapHandlerAdapter} wired
 * as {@code CoapHandlerAutoConfiguration} wires it: {@code GET /devices/{id}/readings?limit=10} with
 * {@code Accept: application/json}, a {@code @CoapPathVariable String id} and a {@code @CoapQueryParam int limit},
 * answered with a record written as JSON. The Californium request is built in memory, no network is involved;
 * the benchmark covers the {@link CoapRequest} view, the resolution of the arguments, the call and the writing of
 * the response.
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

	@Setup
	public void setUp() {
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats),
				new ByteArrayCoapMessageConverter(), new JacksonJsonCoapMessageConverter(JsonMapper.builder().build()),
				new JacksonCborCoapMessageConverter(CBORMapper.builder().build())), formats);
		OptionRegistry optionRegistry = CoapOptionRegistries.withCustomOptions(List.of());
		this.adapter = adapter(converters, optionRegistry);
		Method handler = ReflectionUtils.findMethod(DeviceController.class, "readings", String.class, int.class);
		CoapMappingInfo info = new CoapMappingInfoReader(formats, (value) -> value).read(handler,
				DeviceController.class);
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(new DeviceController(), handler);
		this.adapter.checkSupported(handlerMethod);
		this.mapping = new CoapHandlerMapping(info.patterns().get(0), info, handlerMethod);
		this.request = Request.newGet();
		this.request.getOptions()
			.setUriPath("devices/d-42/readings")
			.setUriQuery("limit=10")
			.setAccept(MediaTypeRegistry.APPLICATION_JSON);
		this.variables = Map.of("id", "d-42");
		Response response = invoke();
		if (response.getCode() != ResponseCode.CONTENT) {
			throw new IllegalStateException("Expected 2.05 Content but got " + response.getCode() + ": "
					+ response.getPayloadString());
		}
	}

	private static CoapHandlerAdapter adapter(CoapMessageConverters converters, OptionRegistry optionRegistry) {
		ConversionService conversionService = ApplicationConversionService.getSharedInstance();
		List<CoapHandlerMethodArgumentResolver> resolvers = new ArrayList<>();
		resolvers.add(new PathVariableArgumentResolver(conversionService));
		resolvers.add(new QueryParamArgumentResolver(conversionService, (value) -> value));
		resolvers.add(new OptionArgumentResolver(conversionService, (value) -> value, optionRegistry));
		resolvers.add(new PayloadArgumentResolver(converters, null));
		resolvers.add(new RawPayloadArgumentResolver());
		resolvers.add(new CoapRequestArgumentResolver());
		List<CoapHandlerMethodReturnValueHandlerComposite.HandlerFactory> handlers = new ArrayList<>();
		handlers.add((composite) -> new ResponseEntityReturnValueHandler());
		handlers.add((composite) -> new VoidReturnValueHandler());
		handlers.add(OptionalReturnValueHandler::new);
		handlers.add(CompletionStageReturnValueHandler::new);
		handlers.add((composite) -> new PayloadReturnValueHandler());
		return new CoapHandlerAdapter(new CoapHandlerMethodArgumentResolverComposite(resolvers),
				new CoapHandlerMethodReturnValueHandlerComposite(handlers), new CoapExceptionHandlers(),
				new CoapResponseWriter(converters, optionRegistry), new CoapErrorResponses());
	}

	@Benchmark
	public Response invoke() {
		CoapRequest coapRequest = new CoapRequest(this.request, this.variables, PATTERN);
		return this.adapter.handle(this.mapping, coapRequest).toCompletableFuture().join();
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
	 * The body of the answer.
	 *
	 * @param deviceId the device
	 * @param count how many readings were asked for
	 * @param average the average value
	 */
	public record DeviceReadings(String deviceId, int count, double average) {
	}

}
