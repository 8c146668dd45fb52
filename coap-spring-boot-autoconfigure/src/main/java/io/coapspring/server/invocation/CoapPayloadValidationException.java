package io.coapspring.server.invocation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Thrown when a {@code @Valid} or {@code @Validated} payload fails validation. Answered with 4.00 Bad Request
 * and a diagnostic that names each offending field, for instance
 * {@code Invalid payload: threshold must be less than or equal to 100}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPayloadValidationException extends CoapRequestBindingException {

	private final transient Errors errors;

	/**
	 * Create an exception.
	 * @param errors the validation errors, at least one
	 */
	public CoapPayloadValidationException(Errors errors) {
		super(describe(errors), null);
		this.errors = errors;
	}

	/**
	 * Return the validation errors.
	 * @return the errors
	 */
	public Errors getErrors() {
		return this.errors;
	}

	private static String describe(Errors errors) {
		Assert.notNull(errors, "'errors' must not be null");
		List<String> problems = new ArrayList<>();
		for (FieldError error : errors.getFieldErrors()) {
			problems.add(error.getField() + " " + String.valueOf(error.getDefaultMessage()));
		}
		for (ObjectError error : errors.getGlobalErrors()) {
			problems.add(String.valueOf(error.getDefaultMessage()));
		}
		problems.sort(null);
		return "Invalid payload: " + String.join("; ", problems);
	}

}
