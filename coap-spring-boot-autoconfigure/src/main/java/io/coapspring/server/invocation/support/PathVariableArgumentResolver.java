package io.coapspring.server.invocation.support;

import java.util.Map;

import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;

/**
 * Resolves {@link CoapPathVariable @CoapPathVariable} parameters, and {@code Map} parameters so annotated to
 * every path variable.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class PathVariableArgumentResolver extends AbstractNamedValueArgumentResolver {

	/**
	 * Create a resolver.
	 * @param conversionService converts variables to parameter types
	 */
	public PathVariableArgumentResolver(ConversionService conversionService) {
		super(conversionService, null);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CoapPathVariable.class);
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception {
		if (Map.class.isAssignableFrom(parameter.getParameterType())) {
			return request.getPathVariables();
		}
		return super.resolveArgument(parameter, request);
	}

	@Override
	protected NamedValueInfo namedValueInfo(MethodParameter parameter) {
		CoapPathVariable annotation = parameter.getParameterAnnotation(CoapPathVariable.class);
		String annotated = (annotation != null) ? annotation.name() : "";
		return new NamedValueInfo(name(annotated, parameter, "path variable"), true, null);
	}

	/**
	 * Return the variable name a parameter binds.
	 * @param parameter a parameter annotated with {@code @CoapPathVariable}
	 * @return the variable name, or {@code null} for a {@code Map} of all variables
	 */
	public static @Nullable String variableName(MethodParameter parameter) {
		if (Map.class.isAssignableFrom(parameter.getParameterType())) {
			return null;
		}
		CoapPathVariable annotation = parameter.getParameterAnnotation(CoapPathVariable.class);
		return name((annotation != null) ? annotation.name() : "", parameter, "path variable");
	}

	@Override
	protected @Nullable Object resolveValue(String name, MethodParameter parameter, CoapRequest request) {
		return request.getPathVariables().get(name);
	}

	@Override
	protected String describe(String name) {
		return "path variable '" + name + "'";
	}

}
