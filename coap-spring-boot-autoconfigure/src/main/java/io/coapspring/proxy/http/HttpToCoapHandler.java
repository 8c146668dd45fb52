package io.coapspring.proxy.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.coapspring.convert.CoapContentFormats;
import io.coapspring.proxy.CoapForwardProxy;
import io.coapspring.proxy.InvalidProxyRequestException;
import io.coapspring.proxy.ProxyRequest;
import io.coapspring.proxy.ProxyResponse;
import io.coapspring.proxy.ProxyTarget;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP to CoAP gateway (RFC 8075) on Spring MVC: {@code {prefix}/{host}[:{port}]/{path}?{query}} is
 * forwarded to {@code coap://{host}[:{port}]/{path}?{query}} through the {@link CoapForwardProxy}, with its
 * allow-list and cache. An IPv6 literal is written percent-encoded in brackets, {@code %5B::1%5D:5683}.
 * <p>
 * GET, POST, PUT, DELETE and PATCH map to the CoAP methods of the same name; other methods are answered with
 * 501 Not Implemented. Content-Type becomes Content-Format (415 when it has none), the preferred mappable
 * type of Accept becomes Accept, If-Match and {@code If-None-Match: *} their CoAP options, and the entity
 * tags of a GET's If-None-Match become ETag options, so that 2.03 Valid is answered 304 Not Modified. The
 * response carries the status of {@link CoapHttpStatusMapping}, Content-Type from Content-Format, ETag
 * ({@link HttpEntityTags}), {@code Cache-Control: max-age} from Max-Age, Retry-After for 5.03, and Location
 * for 2.01. A body larger than the limit is answered with 413.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class HttpToCoapHandler implements HandlerFunction<ServerResponse> {

	/** Extra time given to the servlet container over the proxy's own timeout. */
	private static final Duration ASYNC_MARGIN = Duration.ofSeconds(5);

	private final CoapForwardProxy proxy;

	private final CoapContentFormats contentFormats;

	private final String pathPrefix;

	private final int maxBodySize;

	private final Duration timeout;

	/**
	 * Create a handler.
	 * @param proxy the proxy that forwards the requests
	 * @param contentFormats the Content-Formats known to the application, to map media types
	 * @param pathPrefix the path the gateway is mapped under, for instance {@code /coap}
	 * @param maxBodySize the largest request body accepted, in bytes
	 * @param timeout the proxy's timeout
	 */
	public HttpToCoapHandler(CoapForwardProxy proxy, CoapContentFormats contentFormats, String pathPrefix,
			int maxBodySize, Duration timeout) {
		Assert.notNull(proxy, "'proxy' must not be null");
		Assert.notNull(contentFormats, "'contentFormats' must not be null");
		Assert.isTrue(pathPrefix.startsWith("/") && !pathPrefix.endsWith("/"),
				"'pathPrefix' must start with '/' and not end with '/'");
		Assert.notNull(timeout, "'timeout' must not be null");
		this.proxy = proxy;
		this.contentFormats = contentFormats;
		this.pathPrefix = pathPrefix;
		this.maxBodySize = maxBodySize;
		this.timeout = timeout;
	}

	/**
	 * Return the router function that maps every request under the prefix to this handler.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction() {
		return RouterFunctions.route(RequestPredicates.path(this.pathPrefix + "/**"), this);
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		Code method = method(request.method().name());
		if (method == null) {
			return text(501, request.method() + " cannot be mapped to CoAP");
		}
		String path = request.requestPath().pathWithinApplication().value();
		String rest = path.substring(Math.min(path.length(), this.pathPrefix.length()));
		int slash = rest.indexOf('/', 1);
		String authority = (rest.length() > 1) ? rest.substring(1, (slash < 0) ? rest.length() : slash) : "";
		ProxyTarget target;
		List<Option> options = new ArrayList<>();
		try {
			target = target(authority, (slash < 0) ? "" : rest.substring(slash + 1), request.uri().getRawQuery());
			readHeaders(request, method, options);
		}
		catch (InvalidProxyRequestException ex) {
			return text(CoapHttpStatusMapping.toHttpStatus(ex.getCode(), true, false), ex.getMessage());
		}
		catch (HttpStatusException ex) {
			return text(ex.status, ex.getMessage());
		}
		byte[] body;
		try (InputStream in = request.servletRequest().getInputStream()) {
			body = in.readNBytes(this.maxBodySize + 1);
		}
		if (body.length > this.maxBodySize) {
			return text(413, "The body is larger than " + this.maxBodySize + " bytes");
		}
		options.sort(null);
		ProxyRequest proxied = new ProxyRequest(method, target, true, options, body);
		boolean conditional = method == Code.GET
				&& options.stream().anyMatch((option) -> option.getNumber() == StandardOptionRegistry.ETAG.getNumber());
		String location = request.requestPath().contextPath().value() + this.pathPrefix + "/" + authority;
		CompletableFuture<ServerResponse> response = this.proxy.forward(proxied)
			.thenApply((result) -> toHttp(result, conditional, location));
		return ServerResponse.async(response, this.timeout.plus(ASYNC_MARGIN));
	}

	private static @Nullable Code method(String method) {
		return switch (method) {
			case "GET" -> Code.GET;
			case "POST" -> Code.POST;
			case "PUT" -> Code.PUT;
			case "DELETE" -> Code.DELETE;
			case "PATCH" -> Code.PATCH;
			default -> null;
		};
	}

	private static ProxyTarget target(String rawAuthority, String rawPath, @Nullable String rawQuery) {
		String authority = decode(rawAuthority);
		if (authority.isEmpty()) {
			throw new HttpStatusException(400, "The path names no CoAP host: use {prefix}/{host}[:{port}]/{path}");
		}
		String host = authority;
		int port = CoAP.DEFAULT_COAP_PORT;
		String portText = null;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				throw new HttpStatusException(400, "Malformed IPv6 literal '" + authority + "'");
			}
			host = authority.substring(1, close);
			if (close + 1 < authority.length()) {
				if (authority.charAt(close + 1) != ':') {
					throw new HttpStatusException(400, "Malformed host '" + authority + "'");
				}
				portText = authority.substring(close + 2);
			}
		}
		else if (authority.indexOf(':') >= 0 && authority.indexOf(':') == authority.lastIndexOf(':')) {
			host = authority.substring(0, authority.indexOf(':'));
			portText = authority.substring(authority.indexOf(':') + 1);
		}
		if (portText != null) {
			try {
				port = Integer.parseInt(portText);
			}
			catch (NumberFormatException ex) {
				port = -1;
			}
			if (port <= 0 || port > 0xFFFF) {
				throw new HttpStatusException(400, "Malformed port in '" + authority + "'");
			}
		}
		if (host.isEmpty()) {
			throw new HttpStatusException(400, "The path names no CoAP host");
		}
		ProxyTarget.checkNotShortIpv4(host);
		List<String> path = new ArrayList<>();
		if (!rawPath.isEmpty()) {
			for (String segment : rawPath.split("/", -1)) {
				path.add(decode(segment));
			}
		}
		List<String> query = new ArrayList<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String argument : rawQuery.split("&", -1)) {
				query.add(decode(argument));
			}
		}
		return new ProxyTarget(CoAP.COAP_URI_SCHEME, host, port, path, query);
	}

	private static String decode(String text) {
		try {
			return StringUtils.uriDecode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new HttpStatusException(400, "Malformed percent-encoding in '" + text + "'");
		}
	}

	private void readHeaders(ServerRequest request, Code method, List<Option> options) {
		ServerRequest.Headers headers = request.headers();
		List<String> contentType = headers.header(HttpHeaders.CONTENT_TYPE);
		if (!contentType.isEmpty()) {
			options.add(new Option(StandardOptionRegistry.CONTENT_FORMAT, contentFormat(contentType.get(0))));
		}
		Integer accept = accept(headers.header(HttpHeaders.ACCEPT));
		if (accept != null) {
			options.add(new Option(StandardOptionRegistry.ACCEPT, accept));
		}
		List<String> ifMatch = HttpEntityTags.split(headers.header(HttpHeaders.IF_MATCH));
		if (ifMatch.contains("*")) {
			options.add(new Option(StandardOptionRegistry.IF_MATCH, new byte[0]));
		}
		else if (!ifMatch.isEmpty()) {
			List<byte[]> etags = etags(ifMatch);
			if (etags.isEmpty()) {
				// no representation of a CoAP resource has such an entity tag
				throw new HttpStatusException(412, "None of the entity tags of If-Match can match a CoAP ETag");
			}
			etags.forEach((etag) -> options.add(new Option(StandardOptionRegistry.IF_MATCH, etag)));
		}
		List<String> ifNoneMatch = HttpEntityTags.split(headers.header(HttpHeaders.IF_NONE_MATCH));
		if (ifNoneMatch.contains("*")) {
			options.add(new Option(StandardOptionRegistry.IF_NONE_MATCH));
		}
		else if (!ifNoneMatch.isEmpty()) {
			if (method != Code.GET) {
				throw new HttpStatusException(501, "If-None-Match with entity tags can be mapped to CoAP on GET only");
			}
			etags(ifNoneMatch).forEach((etag) -> options.add(new Option(StandardOptionRegistry.ETAG, etag)));
		}
	}

	private int contentFormat(String contentType) {
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpStatusException(415, "Malformed Content-Type '" + contentType + "'");
		}
		if (mediaType.getCharset() != null && !StandardCharsets.UTF_8.equals(mediaType.getCharset())) {
			throw new HttpStatusException(415, "CoAP Content-Formats carry UTF-8 text, not " + mediaType.getCharset());
		}
		try {
			return this.contentFormats.resolve(mediaType.getType() + "/" + mediaType.getSubtype());
		}
		catch (IllegalArgumentException ex) {
			throw new HttpStatusException(415, "Content-Type '" + contentType + "' has no CoAP Content-Format");
		}
	}

	private @Nullable Integer accept(List<String> accept) {
		List<MediaType> mediaTypes = new ArrayList<>();
		for (String value : accept) {
			try {
				mediaTypes.addAll(MediaType.parseMediaTypes(value));
			}
			catch (InvalidMediaTypeException ex) {
				throw new HttpStatusException(400, "Malformed Accept '" + value + "'");
			}
		}
		mediaTypes.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType mediaType : mediaTypes) {
			if (mediaType.isWildcardType() || mediaType.isWildcardSubtype() || mediaType.getQualityValue() == 0) {
				continue;
			}
			try {
				return this.contentFormats.resolve(mediaType.getType() + "/" + mediaType.getSubtype());
			}
			catch (IllegalArgumentException ex) {
				// not a CoAP Content-Format: try the next one
			}
		}
		return null;
	}

	private static List<byte[]> etags(List<String> entityTags) {
		List<byte[]> etags = new ArrayList<>();
		for (String tag : entityTags) {
			byte[] etag = HttpEntityTags.toETag(tag);
			if (etag != null) {
				etags.add(etag);
			}
		}
		return etags;
	}

	private ServerResponse toHttp(ProxyResponse response, boolean conditional, String location) {
		ResponseCode code = response.code();
		byte[] payload = response.payload();
		int status = CoapHttpStatusMapping.toHttpStatus(code, payload.length > 0, conditional);
		OptionSet options = response.options();
		ServerResponse.BodyBuilder builder = ServerResponse.status(status);
		if (options.getETagCount() > 0) {
			builder.eTag(HttpEntityTags.toEntityTag(options.getETags().get(0)));
		}
		if (code == ResponseCode.CONTENT || code == ResponseCode.VALID || options.hasMaxAge()) {
			builder.header(HttpHeaders.CACHE_CONTROL, "max-age=" + options.getMaxAge());
		}
		if (code == ResponseCode.SERVICE_UNAVAILABLE && options.hasMaxAge()) {
			builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(options.getMaxAge()));
		}
		if (code == ResponseCode.CREATED && (options.getLocationPathCount() > 0 || options.getLocationQueryCount() > 0)) {
			builder.header(HttpHeaders.LOCATION, location(location, options));
		}
		if (status == 204 || status == 304 || payload.length == 0) {
			return builder.build();
		}
		if (options.hasContentFormat()) {
			MediaType mediaType = mediaType(options.getContentFormat());
			if (mediaType != null) {
				builder.contentType(mediaType);
			}
		}
		else {
			builder.contentType(MediaType.APPLICATION_OCTET_STREAM);
		}
		return builder.body(payload);
	}

	private @Nullable MediaType mediaType(int contentFormat) {
		if (contentFormat == MediaTypeRegistry.TEXT_PLAIN) {
			return new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
		}
		try {
			return MediaType.parseMediaType(this.contentFormats.name(contentFormat));
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static String location(String base, OptionSet options) {
		StringBuilder location = new StringBuilder(base);
		ProxyTarget relative = new ProxyTarget(CoAP.COAP_URI_SCHEME, "localhost", CoAP.DEFAULT_COAP_PORT,
				options.getLocationPath(), options.getLocationQuery());
		relative.appendPathAndQuery(location);
		return location.toString();
	}

	private static ServerResponse text(int status, @Nullable String message) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(status);
		if (!StringUtils.hasText(message)) {
			return builder.build();
		}
		return builder.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An HTTP request that cannot be mapped, with the status that answers it.
	 */
	private static final class HttpStatusException extends RuntimeException {

		private final int status;

		HttpStatusException(int status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

	}

}
