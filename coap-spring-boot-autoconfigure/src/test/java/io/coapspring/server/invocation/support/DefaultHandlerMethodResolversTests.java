package io.coapspring.server.invocation.support;

import java.util.List;

import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.CoapRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.core.OverridingClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultHandlerMethodResolvers}.
 */
class DefaultHandlerMethodResolversTests {

	@Test
	void argumentResolversAfterThoseOfTheApplication() {
		CoapHandlerMethodArgumentResolver application = new CoapHandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return false;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
				return "";
			}

		};
		CoapContentFormats formats = new CoapContentFormats();
		List<CoapHandlerMethodArgumentResolver> resolvers = DefaultHandlerMethodResolvers.argumentResolvers(
				List.of(application), ApplicationConversionService.getSharedInstance(), (value) -> value,
				CoapOptionRegistries.withCustomOptions(List.of()),
				new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats)), formats), null);
		assertThat(resolvers).extracting((resolver) -> resolver.getClass().getSimpleName())
			.containsExactly(application.getClass().getSimpleName(), "PathVariableArgumentResolver",
					"QueryParamArgumentResolver", "OptionArgumentResolver", "PayloadArgumentResolver",
					"RawPayloadArgumentResolver", "CoapRequestArgumentResolver", "CoapServerRequestArgumentResolver");
	}

	@Test
	void monoHandlerOnlyWithReactor() {
		assertThat(handlerNames(getClass().getClassLoader())).containsExactly("ResponseEntityReturnValueHandler",
				"VoidReturnValueHandler", "OptionalReturnValueHandler", "CompletionStageReturnValueHandler",
				"MonoReturnValueHandler", "PayloadReturnValueHandler");
		ClassLoader withoutReactor = new OverridingClassLoader(getClass().getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (name.startsWith("reactor.")) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

		};
		assertThat(handlerNames(withoutReactor)).doesNotContain("MonoReturnValueHandler").hasSize(5);
	}

	private static List<String> handlerNames(ClassLoader classLoader) {
		return new CoapHandlerMethodReturnValueHandlerComposite(
				DefaultHandlerMethodResolvers.returnValueHandlers(List.of(), classLoader))
			.getHandlers()
			.stream()
			.map((handler) -> handler.getClass().getSimpleName())
			.toList();
	}

}
