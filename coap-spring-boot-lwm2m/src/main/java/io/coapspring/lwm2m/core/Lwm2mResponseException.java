package io.coapspring.lwm2m.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a client answers an operation with an LWM2M error code (4.xx or 5.xx).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mResponseException extends Lwm2mException {

	private final String path;

	private final int code;

	private final String codeName;

	private final @Nullable String errorMessage;

	/**
	 * Create an exception.
	 * @param endpoint the endpoint name
	 * @param operation the operation, for instance {@code read}
	 * @param path the path the operation addressed
	 * @param code the response code as an integer, for instance {@code 404}
	 * @param codeName the code's name, for instance {@code NOT_FOUND}
	 * @param errorMessage the diagnostic payload of the response, if any
	 */
	public Lwm2mResponseException(String endpoint, String operation, String path, int code, String codeName,
			@Nullable String errorMessage) {
		super(endpoint, "LWM2M " + operation + " of " + path + " on '" + endpoint + "' failed: " + (code / 100) + "."
				+ String.format("%02d", code % 100) + " " + codeName
				+ ((errorMessage != null && !errorMessage.isEmpty()) ? " (" + errorMessage + ")" : ""), null);
		this.path = path;
		this.code = code;
		this.codeName = codeName;
		this.errorMessage = errorMessage;
	}

	/**
	 * Return the path the operation addressed.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Return the response code as an integer ({@code 404} for 4.04).
	 * @return the code
	 */
	public int getCode() {
		return this.code;
	}

	/**
	 * Return the name of the response code, for instance {@code NOT_FOUND} or {@code METHOD_NOT_ALLOWED}.
	 * @return the code's name
	 */
	public String getCodeName() {
		return this.codeName;
	}

	/**
	 * Return the diagnostic payload of the response.
	 * @return the error message, or {@code null}
	 */
	public @Nullable String getErrorMessage() {
		return this.errorMessage;
	}

}
