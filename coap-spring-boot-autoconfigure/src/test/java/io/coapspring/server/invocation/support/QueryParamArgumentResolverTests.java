package io.coapspring.server.invocation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.coapspring.annotation.CoapQueryParam;
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
 * Tests for {@link QueryParamArgumentResolver}.
 */
class QueryParamArgumentResolverTests {

	private final QueryParamArgumentResolver resolver = new QueryParamArgumentResolver(
			ApplicationConversionService.getSharedInstance(), (value) -> value.replace("${unit}", "kelvin"));

	private CoapRequest query(String query) {
		Request request = Request.newGet();
		request.getOptions().setUriQuery(query);
		return view(request);
	}

	@Test
	void supportsAnnotatedParametersOnly() {
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "handle", 0))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "plain", 0))).isFalse();
	}

	@Test
	void convertsTheFirstValue() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 0), query("limit=10&limit=20")))
			.isEqualTo(10);
	}

	@Test
	void repeatedParameterBindsToAList() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 1), query("tag=a&tag=b")))
			.isEqualTo(List.of("a", "b"));
	}

	@Test
	void flagIsTrueForABoolean() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 2), query("verbose")))
			.isEqualTo(true);
	}

	@Test
	void defaultValueWithPlaceholderWhenAbsent() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 3), query("limit=1")))
			.isEqualTo("kelvin");
	}

	@Test
	void placeholdersAreResolvedOnEachUseAndLiteralDefaultsNever() throws Exception {
		List<String> resolved = new ArrayList<>();
		QueryParamArgumentResolver counting = new QueryParamArgumentResolver(
				ApplicationConversionService.getSharedInstance(), (value) -> {
					resolved.add(value);
					return value.replace("${unit}", "kelvin");
				});
		for (int i = 0; i < 2; i++) {
			assertThat(counting.resolveArgument(parameter(Handlers.class, "handle", 3), query("limit=1")))
				.isEqualTo("kelvin");
			assertThat(counting.resolveArgument(parameter(Handlers.class, "literal", 0), query("limit=1")))
				.isEqualTo("celsius");
		}
		assertThat(resolved).containsExactly("${unit}", "${unit}");
	}

	@Test
	void optionalIsEmptyWhenAbsent() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 4), query("limit=1")))
			.isEqualTo(Optional.empty());
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 4), query("page=3")))
			.isEqualTo(Optional.of(3));
	}

	@Test
	void mapReceivesTheFirstValueOfEveryParameter() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 5), query("a=1&b=2&a=3")))
			.isEqualTo(Map.of("a", "1", "b", "2"));
	}

	@Test
	void missingRequiredParameterIsABindingError() {
		MethodParameter limit = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapRequestBindingException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(limit, query("tag=a")))
			.withMessage("Missing query parameter 'limit'");
	}

	@Test
	void valueThatDoesNotConvertIsABindingError() {
		MethodParameter limit = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapRequestBindingException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(limit, query("limit=ten")))
			.withMessageContaining("query parameter 'limit'")
			.withMessageContaining("ten");
	}

	static class Handlers {

		void handle(@CoapQueryParam int limit, @CoapQueryParam(required = false) List<String> tag,
				@CoapQueryParam(required = false) boolean verbose,
				@CoapQueryParam(name = "unit", defaultValue = "${unit}") String unit,
				@CoapQueryParam Optional<Integer> page, @CoapQueryParam Map<String, String> all) {
		}

		void plain(String limit) {
		}

		void literal(@CoapQueryParam(defaultValue = "celsius") String unit) {
		}

	}

}
