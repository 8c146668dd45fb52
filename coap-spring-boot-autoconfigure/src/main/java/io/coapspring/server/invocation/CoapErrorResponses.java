package io.coapspring.server.invocation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.coapspring.annotation.CoapResponseStatus;
import io.coapspring.convert.CoapContentFormatNotSupportedException;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageNotReadableException;
import io.coapspring.convert.CoapNotAcceptableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Builds error responses: from a response code and a diagnostic, and from an exception no
 * {@code @CoapExceptionHandler} handled, following the error mapping table of the reference documentation.
 * <p>
 * The payload is a short diagnostic text without Content-Format (RFC 7252 section 5.5.2) unless the request's
 * Accept option asks for RFC 9290 concise problem details (Content-Format 257), which are then sent as CBOR.
 * An exception that maps to 5.00 is logged once, with its stack trace, which never reaches the client.
 * {@link CoapExceptionResolver}s map exception types this class does not know.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapErrorResponses {

	private static final Log logger = LogFactory.getLog(CoapErrorResponses.class);

	private static final String INTERNAL_SERVER_ERROR = "Internal Server Error";

	private final List<CoapExceptionResolver> resolvers;

	/**
	 * Create error responses with the built-in mapping only.
	 */
	public CoapErrorResponses() {
		this(List.of());
	}

	/**
	 * Create error responses that consult the given resolvers before the built-in mapping.
	 * @param resolvers the resolvers, in order
	 */
	public CoapErrorResponses(List<CoapExceptionResolver> resolvers) {
		Assert.noNullElements(resolvers, "'resolvers' must not contain null elements");
		this.resolvers = List.copyOf(resolvers);
	}

	/**
	 * Create an error response.
	 * @param code the response code
	 * @param diagnostic the diagnostic, or {@code null} for none
	 * @param accept the request's Accept option, -1 if it has none
	 * @return the response
	 */
	public Response create(ResponseCode code, @Nullable String diagnostic, int accept) {
		Response response = new Response(code);
		if (accept == CoapContentFormats.PROBLEM_DETAILS_CBOR) {
			response.setPayload(ConciseProblemDetails.encode(code, diagnostic));
			response.getOptions().setContentFormat(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		}
		else if (StringUtils.hasLength(diagnostic)) {
			response.setPayload(diagnostic.getBytes(StandardCharsets.UTF_8));
		}
		return response;
	}

	/**
	 * Create the response for an exception.
	 * @param exception the exception, unwrapped or wrapped in a {@link CompletionException}
	 * @param request the request being answered
	 * @return the response
	 */
	public Response create(Throwable exception, CoapRequest request) {
		Throwable ex = unwrap(exception);
		int accept = request.getAccept();
		if (ex instanceof CoapResponseStatusException status) {
			if (status.getCode().isServerError()) {
				logger.error("CoAP handler for " + request + " answered " + status.getCode(), ex);
			}
			return create(status.getCode(), status.getMessage(), accept);
		}
		CoapResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(),
				CoapResponseStatus.class);
		if (annotated != null) {
			if (annotated.value().isServerError()) {
				logger.error("CoAP handler for " + request + " answered " + annotated.value(), ex);
			}
			String reason = StringUtils.hasText(annotated.reason()) ? annotated.reason() : ex.getMessage();
			return create(annotated.value(), reason, accept);
		}
		for (CoapExceptionResolver resolver : this.resolvers) {
			CoapExceptionResolver.Resolution resolution = resolver.resolve(ex, request);
			if (resolution != null) {
				log(resolution.code(), ex, request);
				return create(resolution.code(), resolution.diagnostic(), accept);
			}
		}
		ResponseCode code = clientErrorCode(ex);
		if (code != null) {
			// logged at DEBUG with the other failed requests, by the dispatcher that sends the response
			return create(code, ex.getMessage(), accept);
		}
		logger.error("CoAP handler for " + request + " failed; answered 5.00 Internal Server Error", ex);
		return create(ResponseCode.INTERNAL_SERVER_ERROR, INTERNAL_SERVER_ERROR, accept);
	}

	private static void log(ResponseCode code, Throwable ex, CoapRequest request) {
		if (code.isServerError()) {
			logger.error("CoAP handler for " + request + " answered " + code, ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("CoAP request " + request + " answered " + code + ": " + ex);
		}
	}

	private static @Nullable ResponseCode clientErrorCode(Throwable ex) {
		if (ex instanceof CoapContentFormatNotSupportedException) {
			return ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
		}
		if (ex instanceof CoapNotAcceptableException) {
			return ResponseCode.NOT_ACCEPTABLE;
		}
		if (ex instanceof CoapMessageNotReadableException || ex instanceof CoapRequestBindingException) {
			return ResponseCode.BAD_REQUEST;
		}
		return null;
	}

	/**
	 * Unwrap the exception a stage or a reflective call wrapped.
	 * @param exception the exception
	 * @return the cause that matters
	 */
	static Throwable unwrap(Throwable exception) {
		Throwable ex = exception;
		while ((ex instanceof CompletionException || ex instanceof ExecutionException) && ex.getCause() != null) {
			ex = ex.getCause();
		}
		return ex;
	}

}
