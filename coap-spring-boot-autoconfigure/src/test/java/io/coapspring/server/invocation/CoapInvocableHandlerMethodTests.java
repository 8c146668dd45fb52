package io.coapspring.server.invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.coapspring.server.mapping.CoapHandlerMethod;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CoapInvocableHandlerMethod}: each parameter's resolver is looked up once, when the method is
 * created, and a parameter no resolver supports still fails with the composite's message.
 */
class CoapInvocableHandlerMethodTests {

	@Test
	void looksEachParameterResolverUpOnce() throws Exception {
		List<String> lookups = new ArrayList<>();
		CoapHandlerMethodArgumentResolverComposite composite = new CoapHandlerMethodArgumentResolverComposite(
				List.of(new TextResolver())) {

			@Override
			public @Nullable CoapHandlerMethodArgumentResolver getResolver(MethodParameter parameter) {
				lookups.add(parameter.getParameterName());
				return super.getResolver(parameter);
			}

		};
		CoapInvocableHandlerMethod method = new CoapInvocableHandlerMethod(handler("greet"), composite);
		assertThat(lookups).hasSize(2);
		for (int i = 0; i < 3; i++) {
			assertThat(method.invoke(request())).isEqualTo("text text");
		}
		assertThat(lookups).hasSize(2);
	}

	@Test
	void parameterWithoutResolverFailsOnEveryInvocation() {
		CoapInvocableHandlerMethod method = new CoapInvocableHandlerMethod(handler("count"),
				new CoapHandlerMethodArgumentResolverComposite(List.of(new TextResolver())));
		for (int i = 0; i < 2; i++) {
			assertThatIllegalStateException().isThrownBy(() -> method.invoke(request()))
				.withMessageContaining("No CoapHandlerMethodArgumentResolver for parameter");
		}
	}

	private static CoapHandlerMethod handler(String name) {
		return new CoapHandlerMethod(new Handlers(), ReflectionUtils.findMethod(Handlers.class, name, (Class<?>[]) null));
	}

	private static CoapRequest request() {
		return new CoapRequest(new Request(Code.GET), Map.of(), "/greet");
	}

	static class TextResolver implements CoapHandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == String.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
			return "text";
		}

	}

	static class Handlers {

		String greet(String first, String second) {
			return first + " " + second;
		}

		int count(int value) {
			return value;
		}

	}

}
