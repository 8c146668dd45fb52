package io.coapspring.server.invocation.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.StringValueResolver;

/**
 * Resolves {@link CoapQueryParam @CoapQueryParam} parameters from the Uri-Query options: the first value for
 * a single-valued parameter, all values for a {@code List} or array, every parameter's first value for a
 * {@code Map}. A flag without {@code =} is {@code true} for a boolean parameter.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class QueryParamArgumentResolver extends AbstractNamedValueArgumentResolver {

	/**
	 * Create a resolver.
	 * @param conversionService converts values to parameter types
	 * @param placeholderResolver resolves {@code ${...}} in default values, or {@code null}
	 */
	public QueryParamArgumentResolver(ConversionService conversionService,
			@Nullable StringValueResolver placeholderResolver) {
		super(conversionService, placeholderResolver);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CoapQueryParam.class);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception {
		if (Map.class.isAssignableFrom(parameter.getParameterType())) {
			Map<String, String> first = new LinkedHashMap<>();
			request.getQueryParameters().forEach((name, values) -> first.put(name, values.get(0)));
			return first;
		}
		return super.resolveArgument(parameter, request);
	}

	@Override
	protected NamedValueInfo namedValueInfo(MethodParameter parameter) {
		CoapQueryParam annotation = parameter.getParameterAnnotation(CoapQueryParam.class);
		if (annotation == null) {
			return new NamedValueInfo(name("", parameter, "query parameter"), true, null);
		}
		return new NamedValueInfo(name(annotation.name(), parameter, "query parameter"), annotation.required(),
				defaultValue(annotation.defaultValue()));
	}

	@Override
	protected @Nullable Object resolveValue(String name, MethodParameter parameter, CoapRequest request) {
		List<String> values = request.getQueryParameters().get(name);
		if (values == null) {
			return null;
		}
		if (isMultiValued(parameter)) {
			return values;
		}
		String value = values.get(0);
		Class<?> type = parameter.getNestedParameterType();
		if (value.isEmpty() && (type == boolean.class || type == Boolean.class)) {
			return Boolean.TRUE;
		}
		return value;
	}

	@Override
	protected String describe(String name) {
		return "query parameter '" + name + "'";
	}

}
