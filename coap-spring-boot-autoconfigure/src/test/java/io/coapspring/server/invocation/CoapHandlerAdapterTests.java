package io.coapspring.server.invocation;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.server.invocation.support.CoapOptionRegistries;
import io.coapspring.server.invocation.support.DefaultHandlerMethodResolvers;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapMappingInfoReader;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CoapHandlerAdapter}: argument resolution, invocation, return values, exception handling and
 * interceptors, without a network.
 */
class CoapHandlerAdapterTests {

	private final CoapContentFormats formats = new CoapContentFormats();

	private final List<String> intercepted = new ArrayList<>();

	private final CoapHandlerAdapter adapter = adapter(List.of((request, handlerMethod, invocation) -> {
		this.intercepted.add("before " + handlerMethod.getMethod().getName());
		Object result = invocation.proceed();
		this.intercepted.add("after " + handlerMethod.getMethod().getName());
		return result;
	}));

	private CoapHandlerAdapter adapter(List<CoapHandlerInterceptor> interceptors) {
		OptionRegistry options = CoapOptionRegistries.withCustomOptions(List.of());
		CoapMessageConverters converters = new CoapMessageConverters(
				List.of(new StringCoapMessageConverter(this.formats)), this.formats);
		return new CoapHandlerAdapter(
				new CoapHandlerMethodArgumentResolverComposite(DefaultHandlerMethodResolvers.argumentResolvers(
						List.of(), ApplicationConversionService.getSharedInstance(), (value) -> value, options,
						converters, null)),
				new CoapHandlerMethodReturnValueHandlerComposite(
						DefaultHandlerMethodResolvers.returnValueHandlers(List.of(), getClass().getClassLoader())),
				new CoapExceptionHandlers(), new CoapResponseWriter(converters, options), new CoapErrorResponses(),
				interceptors);
	}

	private CoapHandlerMapping mapping(Object controller, String name) {
		Method method = ReflectionUtils.findMethod(controller.getClass(), name, (Class<?>[]) null);
		assertThat(method).isNotNull();
		CoapHandlerMethod handlerMethod = new CoapHandlerMethod(controller, method);
		this.adapter.checkSupported(handlerMethod);
		CoapMappingInfo info = new CoapMappingInfoReader(this.formats, null).read(method, controller.getClass());
		assertThat(info).isNotNull();
		return new CoapHandlerMapping(info.patterns().get(0), info, handlerMethod);
	}

	private Response handle(String name, Request request, Map<String, String> variables) {
		return handle(this.adapter, new SensorController(), name, request, variables);
	}

	private Response handle(CoapHandlerAdapter adapter, SensorController controller, String name, Request request,
			Map<String, String> variables) {
		request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
		CoapHandlerMapping mapping = mapping(controller, name);
		CoapRequest view = new CoapRequest(request, variables, mapping.pattern().getPattern());
		return adapter.handle(mapping, view).toCompletableFuture().join();
	}

	@Test
	void resolvesArgumentsAndWritesTheBodyWithTheDefaultCode() {
		Request get = Request.newGet();
		get.getOptions().setUriQuery("unit=F");
		Response response = handle("read", get, Map.of("id", "7"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getPayloadString()).isEqualTo("sensor 7 in F");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(response.getOptions().getETagCount()).isZero();
	}

	@Test
	void responseEntityGivesCodeAndOptions() {
		Request post = Request.newPost();
		post.setPayload("lamp");
		post.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		Response response = handle("create", post, Map.of());
		assertThat(response.getCode()).isEqualTo(ResponseCode.CREATED);
		OptionSet options = response.getOptions();
		assertThat(options.getLocationPath()).containsExactly("sensors", "lamp");
		assertThat(options.getMaxAge()).isEqualTo(5);
		assertThat(options.getOtherOption(65000).getStringValue()).isEqualTo("acme");
		assertThat(response.getPayloadString()).isEqualTo("made lamp");
	}

	@Test
	void bindingErrorIsBadRequest() {
		Response response = handle("read", Request.newGet(), Map.of("id", "seven"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getPayloadString()).contains("path variable 'id'");
	}

	@Test
	void exceptionHandlerOfTheControllerAnswers() {
		Response response = handle("fail", Request.newGet(), Map.of());
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONFLICT);
		assertThat(response.getPayloadString()).isEqualTo("busy: sensor busy");
	}

	@Test
	void statusExceptionGivesItsCode() {
		Response response = handle("gone", Request.newGet(), Map.of());
		assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void interceptorsWrapTheInvocation() {
		handle("read", Request.newGet(), Map.of("id", "1"));
		assertThat(this.intercepted).containsExactly("before read", "after read");
		this.intercepted.clear();
		handle("gone", Request.newGet(), Map.of());
		assertThat(this.intercepted).containsExactly("before gone");
	}

	@Test
	void interceptorIsAskedOncePerMethodAndNeverCalledForMethodsItDoesNotApplyTo() {
		List<String> asked = new ArrayList<>();
		CoapHandlerInterceptor onlyRead = new CoapHandlerInterceptor() {

			@Override
			public @Nullable Object intercept(CoapRequest request, CoapHandlerMethod handlerMethod,
					Invocation invocation) throws Exception {
				CoapHandlerAdapterTests.this.intercepted.add("around " + handlerMethod.getMethod().getName());
				return invocation.proceed();
			}

			@Override
			public boolean appliesTo(CoapHandlerMethod handlerMethod) {
				asked.add(handlerMethod.getMethod().getName());
				return handlerMethod.getMethod().getName().equals("read");
			}

		};
		CoapHandlerAdapter adapter = adapter(List.of(onlyRead));
		SensorController controller = new SensorController();
		for (int i = 0; i < 2; i++) {
			Response read = handle(adapter, controller, "read", Request.newGet(), Map.of("id", "1"));
			assertThat(read.getPayloadString()).isEqualTo("sensor 1 in C");
			Response gone = handle(adapter, controller, "gone", Request.newGet(), Map.of());
			assertThat(gone.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		}
		assertThat(this.intercepted).containsExactly("around read", "around read");
		assertThat(asked).containsExactly("read", "gone");
	}

	@Test
	void unsupportedParameterFailsTheCheckNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> mapping(new InvalidController(), "thread"))
			.withMessageContaining("Unsupported parameter 'thread' of type java.lang.Thread")
			.withMessageContaining("InvalidController#thread(Thread)");
	}

	@Test
	void messageReturnTypeFailsTheCheckNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> mapping(new InvalidController(), "options"))
			.withMessageContaining("Unsupported return type org.eclipse.californium.core.coap.OptionSet")
			.withMessageContaining("InvalidController#options()")
			.withMessageContaining(CoapResponseEntity.class.getName());
	}

	@CoapController
	static class SensorController {

		@CoapGetMapping("/sensors/{id}")
		String read(@CoapPathVariable int id, @CoapQueryParam(defaultValue = "C") String unit) {
			return "sensor " + id + " in " + unit;
		}

		@CoapPostMapping("/sensors")
		CoapResponseEntity<String> create(@io.coapspring.annotation.CoapPayload String name) {
			return CoapResponseEntity.created("/sensors/" + name).maxAge(5).option(65000, "acme").body("made " + name);
		}

		@CoapGetMapping("/fail")
		String fail() {
			throw new IllegalStateException("sensor busy");
		}

		@CoapGetMapping("/gone")
		String gone() {
			throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "gone");
		}

		@CoapExceptionHandler
		CoapResponseEntity<String> busy(IllegalStateException ex) {
			return CoapResponseEntity.status(ResponseCode.CONFLICT).body("busy: " + ex.getMessage());
		}

	}

	@CoapController
	static class InvalidController {

		@CoapGetMapping("/thread")
		String thread(Thread thread) {
			return "";
		}

		@CoapGetMapping("/options")
		OptionSet options() {
			return new OptionSet();
		}

	}

}
