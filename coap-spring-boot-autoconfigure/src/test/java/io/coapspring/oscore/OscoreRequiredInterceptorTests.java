package io.coapspring.oscore;

import java.lang.reflect.Method;
import java.util.List;

import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.server.mapping.CoapHandlerMethod;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OscoreRequiredInterceptor#appliesTo}: an application that requires OSCORE nowhere does not
 * run the interceptor at all.
 */
class OscoreRequiredInterceptorTests {

	@Test
	void withoutPathsAppliesOnlyToAnnotatedMethodsAndControllers() {
		OscoreRequiredInterceptor interceptor = new OscoreRequiredInterceptor(List.of(), null);
		assertThat(interceptor.appliesTo(method(new Open(), "open"))).isFalse();
		assertThat(interceptor.appliesTo(method(new Open(), "secret"))).isTrue();
		assertThat(interceptor.appliesTo(method(new Closed(), "any"))).isTrue();
	}

	@Test
	void withPathsAppliesToEveryMethod() {
		OscoreRequiredInterceptor interceptor = new OscoreRequiredInterceptor(List.of("/admin/**"), null);
		assertThat(interceptor.appliesTo(method(new Open(), "open"))).isTrue();
	}

	private static CoapHandlerMethod method(Object bean, String name) {
		Method method = ReflectionUtils.findMethod(bean.getClass(), name);
		assertThat(method).isNotNull();
		return new CoapHandlerMethod(bean, method);
	}

	static class Open {

		String open() {
			return "open";
		}

		@CoapOscoreRequired
		String secret() {
			return "secret";
		}

	}

	@CoapOscoreRequired
	static class Closed {

		String any() {
			return "any";
		}

	}

}
