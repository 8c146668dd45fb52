package io.coapspring.client;

import io.coapspring.convert.CoapMessageConversionException;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Turns a Californium {@link Response} into a {@link CoapResponseEntity} with a converted body, or into a
 * {@link CoapClientResponseException} when its code is an error.
 *
 * @author CoAP Spring Boot team
 */
final class ResponseExtractor {

	private final CoapMessageConverters converters;

	ResponseExtractor(CoapMessageConverters converters) {
		this.converters = converters;
	}

	/**
	 * Convert a response, failing on 4.xx and 5.xx codes.
	 * @param accept the Accept of the request, used to read a payload that has no Content-Format
	 */
	<T> CoapResponseEntity<T> extract(Response response, ResolvableType type, String request,
			@Nullable Integer accept) {
		if (!response.getCode().isSuccess()) {
			throw error(response, request);
		}
		return new CoapResponseEntity<>(response.getCode(), response.getOptions(), body(response, type, request, accept));
	}

	/**
	 * Convert a response without failing on error codes; the body of an error response is {@code null}.
	 */
	<T> CoapResponseEntity<T> extractLenient(Response response, ResolvableType type, String request) {
		T body = response.getCode().isSuccess() ? body(response, type, request, null) : null;
		return new CoapResponseEntity<>(response.getCode(), response.getOptions(), body);
	}

	CoapClientResponseException error(Response response, String request) {
		return new CoapClientResponseException(request, response.getCode(), response.getOptions(),
				response.getPayload(), this.converters);
	}

	@SuppressWarnings("unchecked")
	<T> @Nullable T body(Response response, ResolvableType type, String request, @Nullable Integer accept) {
		byte[] payload = response.getPayload();
		Class<?> target = type.resolve(Object.class);
		if (payload.length == 0 || target == Void.class || target == void.class) {
			return null;
		}
		OptionSet options = response.getOptions();
		int format = options.hasContentFormat() ? options.getContentFormat()
				: (accept != null) ? accept : MediaTypeRegistry.UNDEFINED;
		try {
			return (T) this.converters.read(type, payload, format);
		}
		catch (CoapMessageConversionException ex) {
			throw new CoapClientException("Could not read the response to " + request + " as "
					+ type + ": " + ex.getMessage(), ex);
		}
	}

}
