package io.coapspring.server.invocation.support;

import java.lang.annotation.Annotation;
import java.util.Optional;

import io.coapspring.annotation.CoapPayload;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapPayloadReader;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapRequestBindingException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

/**
 * Resolves {@link CoapPayload @CoapPayload} parameters: reads the payload with the {@link CoapMessageConverters}
 * for the request's Content-Format and, when the parameter is annotated with {@code @Valid} or
 * {@code @Validated}, validates it with the application's {@link Validator}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class PayloadArgumentResolver implements CoapHandlerMethodArgumentResolver {

	private static final Log logger = LogFactory.getLog(PayloadArgumentResolver.class);

	private final CoapPayloadReader reader;

	/**
	 * Create a resolver.
	 * @param converters reads payloads
	 * @param validator validates {@code @Valid} payloads, or {@code null} if no Bean Validation provider is
	 * available
	 */
	public PayloadArgumentResolver(CoapMessageConverters converters, @Nullable Validator validator) {
		this(new CoapPayloadReader(converters, validator));
	}

	/**
	 * Create a resolver that shares a payload reader.
	 * @param reader reads and validates payloads
	 */
	public PayloadArgumentResolver(CoapPayloadReader reader) {
		Assert.notNull(reader, "'reader' must not be null");
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (!parameter.hasParameterAnnotation(CoapPayload.class)) {
			return false;
		}
		if (!this.reader.canValidate() && validationHints(parameter) != null) {
			logger.warn("Payload parameter '" + parameter.getParameterName() + "' of " + parameter.getExecutable()
					+ " asks for validation, but no Bean Validation provider is available: it is not validated."
					+ " Add spring-boot-starter-validation.");
		}
		return true;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception {
		CoapPayload annotation = parameter.getParameterAnnotation(CoapPayload.class);
		boolean required = annotation == null || annotation.required();
		MethodParameter nested = parameter.nestedIfOptional();
		if (request.getPayload().length == 0) {
			if (required && !parameter.isOptional()) {
				throw new CoapRequestBindingException("Missing payload", null);
			}
			return (parameter.getParameterType() == Optional.class) ? Optional.empty() : null;
		}
		Object value = this.reader.read(ResolvableType.forMethodParameter(nested), request);
		validate(value, parameter);
		return (parameter.getParameterType() == Optional.class) ? Optional.of(value) : value;
	}

	private void validate(Object value, MethodParameter parameter) {
		Object[] hints = validationHints(parameter);
		if (hints != null) {
			this.reader.validate(value, Conventions.getVariableNameForParameter(parameter.nestedIfOptional()), hints);
		}
	}

	private static Object @Nullable [] validationHints(MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints != null) {
				return hints;
			}
		}
		return null;
	}

}
