package io.coapspring.server.invocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapNotAcceptableException;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.convert.EncodedPayload;
import io.coapspring.server.mapping.CoapMappingInfo;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Turns a {@link CoapResponseEntity} into the Californium {@link Response} to send: the code (the request
 * method's default when the entity has none), the body written by the negotiated {@code CoapMessageConverter},
 * ETag, Max-Age (the entity's, or else the mapping's for 2.05 Content), Location-Path, Location-Query and any
 * other option. An error response whose body is text or absent is sent as RFC 9290 concise problem details when
 * the request's Accept option asks for them.
 * <p>
 * For a successful GET or FETCH with automatic ETags on, the ETag is the first 8 bytes of the SHA-256 of the
 * payload. A 2.05 Content response whose ETag the request already carries is sent as 2.03 Valid, with the ETag
 * and Max-Age but without payload (RFC 7252 section 5.10.6.2).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapResponseWriter {

	private static final int ETAG_LENGTH = 8;

	private final CoapMessageConverters converters;

	private final OptionRegistry optionRegistry;

	/**
	 * Create a writer.
	 * @param converters the converters that write bodies
	 * @param optionRegistry the registry that defines the options set by number
	 */
	public CoapResponseWriter(CoapMessageConverters converters, OptionRegistry optionRegistry) {
		Assert.notNull(converters, "'converters' must not be null");
		Assert.notNull(optionRegistry, "'optionRegistry' must not be null");
		this.converters = converters;
		this.optionRegistry = optionRegistry;
	}

	/**
	 * Return the default success code of a request method: 2.05 Content for GET and FETCH, 2.02 Deleted for
	 * DELETE and 2.04 Changed for POST, PUT, PATCH and iPATCH.
	 * @param method the request method
	 * @return the code
	 */
	public static ResponseCode defaultCode(CoapMethod method) {
		return switch (method) {
			case GET, FETCH -> ResponseCode.CONTENT;
			case DELETE -> ResponseCode.DELETED;
			default -> ResponseCode.CHANGED;
		};
	}

	/**
	 * Write an entity.
	 * @param entity the entity
	 * @param request the request being answered
	 * @param hints the defaults of the mapping that produced the entity
	 * @return the response
	 * @throws CoapNotAcceptableException if the body cannot be written in a format the request accepts
	 */
	public Response write(CoapResponseEntity<?> entity, CoapRequest request, Hints hints) {
		ResponseCode code = (entity.getCode() != null) ? entity.getCode() : hints.defaultCode();
		Response response = new Response(code);
		OptionSet options = response.getOptions();
		Object body = entity.getBody();
		if (isProblemDetails(code, body, request)) {
			response.setPayload(ConciseProblemDetails.encode(code, (body != null) ? body.toString() : null));
			options.setContentFormat(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		}
		else if (body != null) {
			EncodedPayload payload = this.converters.write(body, ResolvableType.forInstance(body),
					acceptable(entity, request, hints));
			response.setPayload(payload.bytes());
			options.setContentFormat(payload.contentFormat());
		}
		for (Option option : entity.hasOptions() ? entity.getOptions().asSortedList() : List.<Option>of()) {
			int number = option.getNumber();
			if (number == StandardOptionRegistry.CONTENT_FORMAT.getNumber()
					|| number == StandardOptionRegistry.MAX_AGE.getNumber()
					|| number == StandardOptionRegistry.ETAG.getNumber()) {
				// written below: negotiated, or defaulted from the mapping
				continue;
			}
			OptionDefinition definition = this.optionRegistry.getDefinitionByNumber(number);
			options.addOption((definition != null) ? definition.create(option.getValue()) : option);
		}
		Long entityMaxAge = entity.getMaxAge();
		long maxAge = (entityMaxAge != null) ? entityMaxAge : (code == ResponseCode.CONTENT) ? hints.maxAge() : -1;
		if (maxAge >= 0) {
			options.setMaxAge(maxAge);
		}
		byte[] etag = entity.getETag();
		if (etag == null && hints.etag() && code == ResponseCode.CONTENT && request.getMethod().isRetrieval()) {
			etag = etag(response.getPayload());
		}
		if (etag != null) {
			options.clearETags();
			options.addETag(etag);
			if (code == ResponseCode.CONTENT && request.getOptions().containsETag(etag)) {
				return valid(response);
			}
		}
		return response;
	}

	private static boolean isProblemDetails(ResponseCode code, @Nullable Object body, CoapRequest request) {
		return !code.isSuccess() && request.getAccept() == CoapContentFormats.PROBLEM_DETAILS_CBOR
				&& (body == null || body instanceof CharSequence);
	}

	private static List<Integer> acceptable(CoapResponseEntity<?> entity, CoapRequest request, Hints hints) {
		int accept = request.getAccept();
		Integer contentFormat = entity.getContentFormat();
		if (contentFormat != null) {
			if (accept >= 0 && accept != contentFormat) {
				throw new CoapNotAcceptableException(accept,
						"The response is only available as Content-Format " + contentFormat + ", not " + accept);
			}
			return List.of(contentFormat);
		}
		return (accept >= 0) ? List.of(accept) : hints.produces();
	}

	private static Response valid(Response content) {
		Response valid = new Response(ResponseCode.VALID);
		valid.getOptions().addETag(content.getOptions().getETags().get(0));
		if (content.getOptions().hasMaxAge()) {
			valid.getOptions().setMaxAge(content.getOptions().getMaxAge());
		}
		return valid;
	}

	/**
	 * Compute the automatic ETag of a payload.
	 * @param payload the payload
	 * @return the first 8 bytes of its SHA-256 digest
	 */
	public static byte[] etag(byte[] payload) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
			return Arrays.copyOf(digest, ETAG_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * What the mapping of a handler method contributes to its responses.
	 *
	 * @param defaultCode the code of an entity without one
	 * @param produces the Content-Formats produced when the request has no Accept option, empty for any
	 * @param etag whether retrieval responses get an automatic ETag
	 * @param maxAge the Max-Age of 2.05 Content responses without one, negative for none
	 */
	public record Hints(ResponseCode defaultCode, List<Integer> produces, boolean etag, long maxAge) {

		/**
		 * Copy the components.
		 */
		public Hints {
			Assert.notNull(defaultCode, "'defaultCode' must not be null");
			produces = List.copyOf(produces);
		}

		/**
		 * Return the hints of a mapping for a request.
		 * @param info the mapping
		 * @param defaultCode the code of an entity without one
		 * @return the hints
		 */
		public static Hints of(CoapMappingInfo info, ResponseCode defaultCode) {
			return new Hints(defaultCode, info.produces(), info.etag(), info.maxAge());
		}

		/**
		 * Return the hints for an entity that no mapping describes, such as one returned by an exception
		 * handler.
		 * @param defaultCode the code of an entity without one
		 * @return the hints
		 */
		public static Hints of(ResponseCode defaultCode) {
			return new Hints(defaultCode, List.of(), false, -1);
		}

	}

}
