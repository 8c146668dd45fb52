package io.coapspring.server.invocation;

import io.coapspring.convert.CoapMessageConverters;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;

/**
 * Reads request payloads with the {@link CoapMessageConverters} for the request's Content-Format and validates
 * them with the application's {@link Validator}: what {@code @CoapPayload} parameters of handler methods and the
 * body of a functional {@code CoapServerRequest} share.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPayloadReader {

	private final CoapMessageConverters converters;

	private final @Nullable Validator validator;

	/**
	 * Create a reader.
	 * @param converters reads payloads
	 * @param validator validates payloads, or {@code null} if no Bean Validation provider is available
	 */
	public CoapPayloadReader(CoapMessageConverters converters, @Nullable Validator validator) {
		Assert.notNull(converters, "'converters' must not be null");
		this.converters = converters;
		this.validator = validator;
	}

	/**
	 * Return whether payloads can be validated.
	 * @return {@code false} if no validator is available
	 */
	public boolean canValidate() {
		return this.validator != null;
	}

	/**
	 * Read the payload of a request.
	 * @param type the type to read
	 * @param request the request, with a payload
	 * @return the value
	 * @throws CoapRequestBindingException if the request has no payload
	 */
	public Object read(ResolvableType type, CoapRequest request) {
		byte[] payload = request.getPayload();
		if (payload.length == 0) {
			throw new CoapRequestBindingException("Missing payload", null);
		}
		return this.converters.read(type, payload, request.getContentFormat());
	}

	/**
	 * Validate a value read from a payload, if a validator is available.
	 * @param value the value
	 * @param name the name of the value in the errors
	 * @param hints the validation groups, empty for the default group
	 * @throws CoapPayloadValidationException if the value is not valid
	 */
	public void validate(Object value, String name, Object[] hints) {
		if (this.validator == null) {
			return;
		}
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(value, name);
		if (hints.length > 0 && this.validator instanceof SmartValidator smart) {
			smart.validate(value, errors, hints);
		}
		else {
			this.validator.validate(value, errors);
		}
		if (errors.hasErrors()) {
			throw new CoapPayloadValidationException(errors);
		}
	}

}
