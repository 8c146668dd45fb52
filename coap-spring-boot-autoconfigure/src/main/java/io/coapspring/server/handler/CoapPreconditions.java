package io.coapspring.server.handler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapMessageConversionException;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapHandlerResult;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseWriter;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapPathMatch;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Evaluates the If-Match and If-None-Match options of a request that changes a resource (RFC 7252 section
 * 5.10.8) against the resource's current representation: the response of the GET mapping of the same path,
 * obtained by running that handler method. The resource exists when the GET succeeds. A path without a GET mapping
 * has no current representation.
 * <p>
 * The resource has one representation per Content-Format its GET mapping produces (its {@code produces}, or
 * else every format a converter writes the value in), and a client may hold the ETag of any of them: a device
 * that reads CBOR and sends its change without Accept still holds the CBOR ETag. If-Match therefore matches the
 * automatic ETag of every one of these representations, whatever the Accept option of the modifying request.
 * When the GET response carries an ETag of the application's own ({@code CoapResponseEntity} with an ETag), that
 * ETag alone is current.
 * <p>
 * If-None-Match fails when the resource exists; If-Match fails when it does not, or when none of its values
 * is a current ETag (an empty value matches any). A failed precondition is answered with 4.12 Precondition
 * Failed and the handler method is not run. The evaluation and the change are not atomic.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPreconditions {

	private final CoapHandlerSelector selector;

	private final CoapHandlerAdapter adapter;

	private final CoapErrorResponses errorResponses;

	private final @Nullable CoapMessageConverters converters;

	/**
	 * Create an evaluator that only knows the representation chosen by the request's Accept option.
	 * @param selector the selector that finds the GET mapping
	 * @param adapter the adapter that runs it
	 * @param errorResponses the error responses
	 */
	public CoapPreconditions(CoapHandlerSelector selector, CoapHandlerAdapter adapter,
			CoapErrorResponses errorResponses) {
		this(selector, adapter, errorResponses, null);
	}

	/**
	 * Create an evaluator that matches If-Match against every representation of the resource.
	 * @param selector the selector that finds the GET mapping
	 * @param adapter the adapter that runs it
	 * @param errorResponses the error responses
	 * @param converters the converters that write the other representations, or {@code null} for only the one
	 * chosen by the request's Accept option
	 * @since 0.1.0
	 */
	public CoapPreconditions(CoapHandlerSelector selector, CoapHandlerAdapter adapter,
			CoapErrorResponses errorResponses, @Nullable CoapMessageConverters converters) {
		Assert.notNull(selector, "'selector' must not be null");
		Assert.notNull(adapter, "'adapter' must not be null");
		Assert.notNull(errorResponses, "'errorResponses' must not be null");
		this.selector = selector;
		this.adapter = adapter;
		this.errorResponses = errorResponses;
		this.converters = converters;
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
			return CompletableFuture.completedFuture(check(request, null, List.of()));
		}
		CoapHandlerMapping mapping = selection.mapping();
		CoapPathMatch match = selection.match();
		CoapRequest current = new CoapRequest(request.unwrap(), CoapMethod.GET, match.variables(),
				match.pattern().getPattern());
		return this.adapter.handleResult(mapping, current).thenApply((result) -> {
			Response response = result.isSuccess() ? result.response() : null;
			return check(request, response, (response != null) ? currentEtags(mapping, result) : List.of());
		});
	}

	private @Nullable Response check(CoapRequest request, @Nullable Response current, List<byte[]> etags) {
		OptionSet options = request.getOptions();
		if (options.hasIfNoneMatch() && current != null) {
			return failed(request, "If-None-Match: the resource exists");
		}
		if (options.getIfMatchCount() > 0) {
			if (current == null) {
				return failed(request, "If-Match: the resource does not exist");
			}
			for (byte[] expected : options.getIfMatch()) {
				if (expected.length == 0 || etags.stream().anyMatch((etag) -> Arrays.equals(expected, etag))) {
					return null;
				}
			}
			return failed(request, "If-Match: the ETag does not match the current representation");
		}
		return null;
	}

	// the ETag of the representation the GET answered with, and the automatic ETags of the others
	private List<byte[]> currentEtags(CoapHandlerMapping mapping, CoapHandlerResult result) {
		Response response = result.response();
		byte[] automatic = CoapResponseWriter.etag(response.getPayload());
		List<byte[]> answered = response.getOptions().getETags();
		List<byte[]> etags = new ArrayList<>();
		etags.add(answered.isEmpty() ? automatic : answered.get(0));
		Object body = result.body();
		boolean ownEtag = !answered.isEmpty() && !Arrays.equals(answered.get(0), automatic);
		if (this.converters == null || body == null || ownEtag) {
			return etags;
		}
		ResolvableType type = ResolvableType.forInstance(body);
		List<Integer> formats = mapping.info().produces().isEmpty() ? this.converters.writableFormats(type)
				: mapping.info().produces();
		for (int format : formats) {
			try {
				etags.add(CoapResponseWriter.etag(this.converters.write(body, type, List.of(format)).bytes()));
			}
			catch (CoapMessageConversionException ex) {
				// not a representation of this value
			}
		}
		return etags;
	}

	private Response failed(CoapRequest request, String diagnostic) {
		return this.errorResponses.create(ResponseCode.PRECONDITION_FAILED, diagnostic, request.getAccept());
	}

}
