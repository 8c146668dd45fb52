package io.coapspring.server.invocation.support;

import java.util.Map;

import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapRequestBindingException;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;

import static io.coapspring.server.invocation.support.Requests.parameter;
import static io.coapspring.server.invocation.support.Requests.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PathVariableArgumentResolver}.
 */
class PathVariableArgumentResolverTests {

	private final PathVariableArgumentResolver resolver = new PathVariableArgumentResolver(
			ApplicationConversionService.getSharedInstance());

	private final CoapRequest request = view(Request.newGet(), Map.of("id", "7", "unit", "c"));

	@Test
	void supportsAnnotatedParametersOnly() {
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "handle", 0))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "handle", 3))).isFalse();
	}

	@Test
	void convertsTheVariableOfTheParameterName() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 0), this.request)).isEqualTo(7);
	}

	@Test
	void usesTheNameOfTheAnnotation() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 1), this.request))
			.isEqualTo("c");
	}

	@Test
	void mapReceivesEveryVariable() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 2), this.request))
			.isEqualTo(Map.of("id", "7", "unit", "c"));
	}

	@Test
	void valueThatDoesNotConvertIsABindingError() {
		CoapRequest bad = view(Request.newGet(), Map.of("id", "seven"));
		MethodParameter id = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapRequestBindingException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(id, bad))
			.withMessageContaining("path variable 'id'")
			.withMessageContaining("seven");
	}

	@Test
	void variableNameOfAParameter() {
		assertThat(PathVariableArgumentResolver.variableName(parameter(Handlers.class, "handle", 0))).isEqualTo("id");
		assertThat(PathVariableArgumentResolver.variableName(parameter(Handlers.class, "handle", 1)))
			.isEqualTo("unit");
		assertThat(PathVariableArgumentResolver.variableName(parameter(Handlers.class, "handle", 2))).isNull();
	}

	static class Handlers {

		void handle(@CoapPathVariable int id, @CoapPathVariable("unit") String u,
				@CoapPathVariable Map<String, String> all, String plain) {
		}

	}

}
