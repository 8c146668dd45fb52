package io.coapspring.proxy.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.coapspring.convert.CoapContentFormats;
import io.coapspring.proxy.ProxyClient;
import io.coapspring.proxy.ProxyRequest;
import io.coapspring.proxy.ProxyResponse;
import io.coapspring.proxy.ProxyTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Forwards CoAP requests to {@code http://} and {@code https://} destinations with Spring's
 * {@link RestClient} (RFC 7252 section 10.1): the method, Content-Format, Accept, If-Match, If-None-Match
 * and the ETags of a validating GET become HTTP headers, and the HTTP response becomes a CoAP response with
 * the code of {@link CoapHttpStatusMapping}, Content-Format from Content-Type, ETag from a hexadecimal
 * entity tag ({@link HttpEntityTags}) and Max-Age from Cache-Control ({@code max-age}, or 0 when the response
 * does not say how long it is fresh) or, for 503, from Retry-After.
 * <p>
 * Redirects are not followed, so that a destination cannot send the proxy past its allow-list; a 3xx other
 * than 304 is answered with 5.02 Bad Gateway. FETCH has no HTTP counterpart and is answered with 5.01 Not
 * Implemented, iPATCH is sent as PATCH. A response body larger than the limit is answered with 5.02.
 * <p>
 * The request blocks the calling thread until the response is read; the proxy calls it on the handler
 * executor.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class HttpProxyClient implements ProxyClient {

	private static final Log logger = LogFactory.getLog(HttpProxyClient.class);

	private final RestClient restClient;

	private final CoapContentFormats contentFormats;

	private final int maxBodySize;

	/**
	 * Create a client.
	 * @param restClient the client that sends the HTTP requests; it should not follow redirects
	 * @param contentFormats the Content-Formats known to the application, to map media types
	 * @param maxBodySize the largest response body relayed, in bytes
	 */
	public HttpProxyClient(RestClient restClient, CoapContentFormats contentFormats, int maxBodySize) {
		Assert.notNull(restClient, "'restClient' must not be null");
		Assert.notNull(contentFormats, "'contentFormats' must not be null");
		Assert.isTrue(maxBodySize > 0, "'maxBodySize' must be positive");
		this.restClient = restClient;
		this.contentFormats = contentFormats;
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Create the {@link RestClient} a proxy uses: the JDK's {@link HttpClient}, redirects not followed, the
	 * timeout applied to connecting and to waiting for the response.
	 * @param timeout the timeout
	 * @return the client
	 */
	public static RestClient createRestClient(Duration timeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder().requestFactory(requestFactory).build();
	}

	@Override
	public Set<String> getSchemes() {
		return Set.of("http", "https");
	}

	@Override
	public CompletableFuture<ProxyResponse> send(ProxyRequest request, @Nullable InetAddress destination) {
		return CompletableFuture.completedFuture(exchange(request));
	}

	private ProxyResponse exchange(ProxyRequest request) {
		HttpMethod method = method(request.method());
		if (method == null) {
			return ProxyResponse.of(ResponseCode.NOT_IMPLEMENTED,
					request.method() + " cannot be forwarded to an HTTP destination");
		}
		ProxyTarget target = request.target();
		URI uri = URI.create(target.toUri());
		try {
			RestClient.RequestBodySpec spec = this.restClient.method(method)
				.uri(uri)
				.headers((headers) -> writeHeaders(request, headers));
			if (request.payload().length > 0) {
				spec.body(request.payload());
			}
			return spec.exchangeForRequiredValue((httpRequest, response) -> read(response, request, uri), true);
		}
		catch (RestClientException ex) {
			if (isTimeout(ex)) {
				return ProxyResponse.of(ResponseCode.GATEWAY_TIMEOUT, "No response to " + request.describe()
						+ " in time");
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Forwarding " + request.describe() + " failed", ex);
			}
			return ProxyResponse.of(ResponseCode.BAD_GATEWAY, "Forwarding " + request.describe() + " failed: "
					+ ((ex.getMostSpecificCause().getMessage() != null) ? ex.getMostSpecificCause().getMessage()
							: ex.getMostSpecificCause().getClass().getSimpleName()));
		}
	}

	private static @Nullable HttpMethod method(Code code) {
		return switch (code) {
			case GET -> HttpMethod.GET;
			case POST -> HttpMethod.POST;
			case PUT -> HttpMethod.PUT;
			case DELETE -> HttpMethod.DELETE;
			case PATCH, IPATCH -> HttpMethod.PATCH;
			default -> null;
		};
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private void writeHeaders(ProxyRequest request, HttpHeaders headers) {
		List<String> ifMatch = new ArrayList<>();
		List<String> ifNoneMatch = new ArrayList<>();
		for (Option option : request.options()) {
			switch (option.getNumber()) {
				case OptionNumberRegistry.ACCEPT -> headers.set(HttpHeaders.ACCEPT,
						mediaType(IntegerOptionDefinition.getIntegerValue(option.getValue())));
				case OptionNumberRegistry.CONTENT_FORMAT -> headers.set(HttpHeaders.CONTENT_TYPE,
						mediaType(IntegerOptionDefinition.getIntegerValue(option.getValue())));
				case OptionNumberRegistry.IF_MATCH -> ifMatch.add((option.getLength() == 0) ? "*"
						: HttpEntityTags.toEntityTag(option.getValue()));
				case OptionNumberRegistry.IF_NONE_MATCH -> ifNoneMatch.add("*");
				case OptionNumberRegistry.ETAG -> {
					if (request.method() == Code.GET) {
						ifNoneMatch.add(HttpEntityTags.toEntityTag(option.getValue()));
					}
				}
				default -> {
					// other options have no HTTP counterpart; unsafe ones were refused before
				}
			}
		}
		if (!ifMatch.isEmpty()) {
			headers.set(HttpHeaders.IF_MATCH, String.join(", ", ifMatch));
		}
		if (!ifNoneMatch.isEmpty()) {
			headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch.contains("*") ? "*" : String.join(", ", ifNoneMatch));
		}
	}

	private String mediaType(int contentFormat) {
		String name = this.contentFormats.name(contentFormat);
		return (contentFormat == MediaTypeRegistry.TEXT_PLAIN) ? name + ";charset=utf-8" : name;
	}

	private ProxyResponse read(ClientHttpResponse response, ProxyRequest request, URI uri) throws IOException {
		int status = response.getStatusCode().value();
		ResponseCode code = CoapHttpStatusMapping.toCoapCode(status, request.method());
		if (status >= 300 && status < 400 && status != 304) {
			return ProxyResponse.of(ResponseCode.BAD_GATEWAY, "The destination answered " + status
					+ " (redirects are not followed)");
		}
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(this.maxBodySize + 1);
		}
		if (body.length > this.maxBodySize) {
			return ProxyResponse.of(ResponseCode.BAD_GATEWAY, "The response of " + uri + " is larger than "
					+ this.maxBodySize + " bytes");
		}
		HttpHeaders headers = response.getHeaders();
		OptionSet options = new OptionSet();
		MediaType contentType = contentType(headers);
		if (contentType != null && body.length > 0) {
			Integer format = contentFormat(contentType);
			if (format != null) {
				options.setContentFormat(format);
			}
		}
		String entityTag = headers.getETag();
		byte[] etag = (entityTag != null) ? HttpEntityTags.toETag(entityTag) : null;
		if (etag == null && code == ResponseCode.VALID) {
			etag = validatedETag(request);
		}
		if (etag != null) {
			options.addETag(etag);
		}
		options.setMaxAge(maxAge(headers, code));
		if (code == ResponseCode.CREATED) {
			location(headers, uri, options);
		}
		return new ProxyResponse(code, options, body);
	}

	/**
	 * The Location of a 201 on the destination's own origin becomes Location-Path and Location-Query; another
	 * origin has no CoAP counterpart.
	 */
	private static void location(HttpHeaders headers, URI uri, OptionSet options) {
		String location = headers.getFirst(HttpHeaders.LOCATION);
		if (location == null) {
			return;
		}
		URI resolved;
		try {
			resolved = uri.resolve(location.trim());
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		if (!uri.getScheme().equalsIgnoreCase(resolved.getScheme()) || resolved.getHost() == null
				|| !resolved.getHost().equalsIgnoreCase(uri.getHost()) || effectivePort(resolved) != effectivePort(uri)) {
			return;
		}
		String path = resolved.getRawPath();
		if (path != null && path.length() > 1) {
			for (String segment : path.substring(1).split("/", -1)) {
				options.addLocationPath(StringUtils.uriDecode(segment, StandardCharsets.UTF_8));
			}
		}
		String query = resolved.getRawQuery();
		if (query != null && !query.isEmpty()) {
			for (String argument : query.split("&")) {
				options.addLocationQuery(StringUtils.uriDecode(argument, StandardCharsets.UTF_8));
			}
		}
	}

	private static int effectivePort(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private @Nullable Integer contentFormat(MediaType contentType) {
		String type = contentType.getType() + "/" + contentType.getSubtype();
		try {
			return this.contentFormats.resolve(type);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A 304 without ETag validates the only ETag the request sent.
	 */
	private static byte @Nullable [] validatedETag(ProxyRequest request) {
		List<byte[]> etags = request.etags();
		return (etags.size() == 1) ? etags.get(0) : null;
	}

	private static long maxAge(HttpHeaders headers, ResponseCode code) {
		if (code == ResponseCode.SERVICE_UNAVAILABLE) {
			String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
			Long seconds = (retryAfter != null) ? seconds(retryAfter.trim()) : null;
			if (seconds != null) {
				return seconds;
			}
		}
		List<String> cacheControl = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
		Long maxAge = null;
		for (String value : cacheControl) {
			for (String directive : value.split(",")) {
				String name = directive.trim().toLowerCase(Locale.ROOT);
				if (name.equals("no-store") || name.equals("no-cache") || name.equals("private")) {
					return 0;
				}
				if (name.startsWith("max-age=")) {
					maxAge = seconds(name.substring("max-age=".length()).replace("\"", ""));
				}
			}
		}
		return (maxAge != null) ? maxAge : 0;
	}

	private static @Nullable Long seconds(String value) {
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Math.min(seconds, 0xFFFFFFFFL) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
