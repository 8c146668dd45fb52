package io.coapspring.server.handler;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseWriter;
import io.coapspring.server.mapping.CoapPathMatch;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Evaluates the If-Match and If-None-Match options of a request that changes a resource (RFC 7252 section
 * 5.10.8) against the resource's current representation: the response of the GET mapping of the same path,
 * obtained by running that handler method. The current ETag is the one the GET response carries, or else the
 * automatic ETag of its payload; the resource exists when the GET succeeds. A path without a GET mapping has
 * no current representation.
 * <p>
 * If-None-Match fails when the resource exists; If-Match fails when it does not, or when none of its values
 * is the current ETag (an empty value matches any). A failed precondition is answered with 4.12 Precondition
 * Failed and the handler method is not run. The evaluation and the change are not atomic.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPreconditions {

	private final CoapHandlerSelector selector;

	private final CoapHandlerAdapter adapter;

	private final CoapErrorResponses errorResponses;

	/**
	 * Create an evaluator.
	 * @param selector the selector that finds the GET mapping
	 * @param adapter the adapter that runs it
	 * @param errorResponses the error responses
	 */
	public CoapPreconditions(CoapHandlerSelector selector, CoapHandlerAdapter adapter,
			CoapErrorResponses errorResponses) {
		Assert.notNull(selector, "'selector' must not be null");
		Assert.notNull(adapter, "'adapter' must not be null");
		Assert.notNull(errorResponses, "'errorResponses' must not be null");
		this.selector = selector;
		this.adapter = adapter;
		this.errorResponses = errorResponses;
	}

	/**
	 * Return whether a request has preconditions to evaluate.
	 * @param request the request
	 * @return {@code true} for a request other than GET and FETCH with If-Match or If-None-Match
	 */
	public boolean isConditional(CoapRequest request) {
		OptionSet options = request.getOptions();
		return !request.getMethod().isRetrieval() && (options.getIfMatchCount() > 0 || options.hasIfNoneMatch());
	}

	/**
	 * Evaluate the preconditions of a request.
	 * @param request the request
	 * @param matches the patterns that match its path
	 * @return a stage completed with the 4.12 response to send, or with {@code null} if the preconditions hold
	 */
	public CompletionStage<@Nullable Response> evaluate(CoapRequest request, List<CoapPathMatch> matches) {
		CoapHandlerSelector.Selection selection = this.selector.select(matches, CoapMethod.GET, -1, false, -1);
		if (selection.mapping() == null || selection.match() == null) {
			return CompletableFuture.completedFuture(check(request, null));
		}
		CoapPathMatch match = selection.match();
		CoapRequest current = new CoapRequest(request.unwrap(), CoapMethod.GET, match.variables(),
				match.pattern().getPattern());
		return this.adapter.handle(selection.mapping(), current)
			.thenApply((response) -> check(request, response.isSuccess() ? response : null));
	}

	private @Nullable Response check(CoapRequest request, @Nullable Response current) {
		OptionSet options = request.getOptions();
		if (options.hasIfNoneMatch() && current != null) {
			return failed(request, "If-None-Match: the resource exists");
		}
		if (options.getIfMatchCount() > 0) {
			if (current == null) {
				return failed(request, "If-Match: the resource does not exist");
			}
			byte[] etag = currentEtag(current);
			for (byte[] expected : options.getIfMatch()) {
				if (expected.length == 0 || Arrays.equals(expected, etag)) {
					return null;
				}
			}
			return failed(request, "If-Match: the ETag does not match the current representation");
		}
		return null;
	}

	private static byte[] currentEtag(Response current) {
		List<byte[]> etags = current.getOptions().getETags();
		return etags.isEmpty() ? CoapResponseWriter.etag(current.getPayload()) : etags.get(0);
	}

	private Response failed(CoapRequest request, String diagnostic) {
		return this.errorResponses.create(ResponseCode.PRECONDITION_FAILED, diagnostic, request.getAccept());
	}

}
