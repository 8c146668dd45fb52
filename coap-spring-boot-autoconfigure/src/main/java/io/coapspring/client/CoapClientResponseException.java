package io.coapspring.client;

import java.nio.charset.StandardCharsets;

import io.coapspring.convert.CoapMessageConverters;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Thrown when the server answered with an error code: 4.xx (client error) or 5.xx (server error). Carries
 * the code, the options and the payload of the response, which often holds a diagnostic message.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapClientResponseException extends CoapClientException {

	private static final int MAX_DIAGNOSTIC_LENGTH = 200;

	private final ResponseCode code;

	private final transient OptionSet options;

	private final byte[] payload;

	private final transient @Nullable CoapMessageConverters converters;

	/**
	 * Create an exception.
	 * @param request a description of the request, for instance {@code GET coap://host/path}
	 * @param code the response code
	 * @param options the response options, copied
	 * @param payload the response payload, copied
	 * @param converters converters for {@link #getResponseBodyAs(Class)}, may be {@code null}
	 */
	public CoapClientResponseException(String request, ResponseCode code, OptionSet options, byte[] payload,
			@Nullable CoapMessageConverters converters) {
		super(message(request, code, options, payload));
		Assert.notNull(code, "'code' must not be null");
		this.code = code;
		this.options = new OptionSet(options);
		this.payload = payload.clone();
		this.converters = converters;
	}

	private static String message(String request, ResponseCode code, OptionSet options, byte[] payload) {
		StringBuilder text = new StringBuilder(request).append(" failed: ").append(code.text).append(' ')
			.append(code.name());
		int format = options.getContentFormat();
		boolean printable = format == MediaTypeRegistry.UNDEFINED || format == MediaTypeRegistry.TEXT_PLAIN;
		if (payload.length > 0 && printable) {
			String diagnostic = new String(payload, StandardCharsets.UTF_8);
			if (diagnostic.length() > MAX_DIAGNOSTIC_LENGTH) {
				diagnostic = diagnostic.substring(0, MAX_DIAGNOSTIC_LENGTH) + "...";
			}
			text.append(" \"").append(diagnostic).append('"');
		}
		return text.toString();
	}

	/**
	 * Return the response code.
	 * @return the code
	 */
	public ResponseCode getCode() {
		return this.code;
	}

	/**
	 * Return whether the code is a client error (4.xx).
	 * @return {@code true} for 4.xx codes
	 */
	public boolean isClientError() {
		return this.code.isClientError();
	}

	/**
	 * Return whether the code is a server error (5.xx).
	 * @return {@code true} for 5.xx codes
	 */
	public boolean isServerError() {
		return this.code.isServerError();
	}

	/**
	 * Return a copy of the response options.
	 * @return the options
	 */
	public OptionSet getOptions() {
		return new OptionSet(this.options);
	}

	/**
	 * Return a copy of the response payload.
	 * @return the payload, empty if the response had none
	 */
	public byte[] getResponsePayload() {
		return this.payload.clone();
	}

	/**
	 * Return the response payload as UTF-8 text, the encoding of CoAP diagnostic payloads.
	 * @return the payload as text
	 */
	public String getResponsePayloadAsString() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	/**
	 * Convert the response payload with the client's converters, for instance into a problem-details type.
	 * @param <E> the target type
	 * @param type the target type
	 * @return the converted payload, or {@code null} if the response had none
	 * @throws IllegalStateException if no converters are available
	 */
	public <E> @Nullable E getResponseBodyAs(Class<E> type) {
		Assert.notNull(type, "'type' must not be null");
		if (this.converters == null) {
			throw new IllegalStateException("No converters available to read the response payload");
		}
		if (this.payload.length == 0) {
			return null;
		}
		return type.cast(this.converters.read(ResolvableType.forClass(type), this.payload,
				this.options.getContentFormat()));
	}

}
