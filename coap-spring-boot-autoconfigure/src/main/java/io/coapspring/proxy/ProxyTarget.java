package io.coapspring.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.elements.util.StringUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The resource a proxied request is for: scheme, host, port, path segments and query arguments, as the
 * Proxy-Uri option or the Proxy-Scheme and Uri-* options give them (RFC 7252 sections 5.10.2 and 6.5).
 * Path segments and query arguments are decoded; {@link #toUri()} encodes them again.
 *
 * @param scheme the scheme in lower case, for instance {@code coap} or {@code http}
 * @param host the host name in lower case or the address literal, without brackets
 * @param port the port, the scheme's default when the URI gives none
 * @param path the path segments, decoded
 * @param query the query arguments, decoded
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record ProxyTarget(String scheme, String host, int port, List<String> path, List<String> query) {

	/** Characters a path segment carries unencoded besides letters and digits (RFC 3986 pchar). */
	private static final String PATH_SEGMENT_CHARACTERS = "-._~!$'()*,;=:@";

	/** Characters a query argument carries unencoded besides letters and digits; '&', '=' and '+' are encoded. */
	private static final String QUERY_ARGUMENT_CHARACTERS = "-._~!$'()*,;:@/?";

	/**
	 * Validate and copy the components.
	 */
	public ProxyTarget {
		Assert.hasText(scheme, "'scheme' must not be empty");
		Assert.hasText(host, "'host' must not be empty");
		Assert.isTrue(port > 0 && port <= 0xFFFF, "'port' must be between 1 and 65535");
		scheme = scheme.toLowerCase(Locale.ROOT);
		host = host.toLowerCase(Locale.ROOT);
		path = List.copyOf(path);
		query = List.copyOf(query);
	}

	/**
	 * Read the target of a Proxy-Uri option.
	 * @param proxyUri the absolute URI
	 * @return the target
	 * @throws InvalidProxyRequestException with 4.00 Bad Request if the URI is malformed, relative, has no
	 * host, has user information or a fragment, or has no known default port
	 */
	public static ProxyTarget fromUri(String proxyUri) {
		URI uri;
		try {
			uri = new URI(proxyUri);
		}
		catch (URISyntaxException ex) {
			throw badRequest("Malformed Proxy-Uri '" + proxyUri + "': " + ex.getReason());
		}
		if (!uri.isAbsolute() || uri.isOpaque()) {
			throw badRequest("Proxy-Uri '" + proxyUri + "' is not an absolute URI");
		}
		if (uri.getHost() == null) {
			throw badRequest(noHost(proxyUri, uri.getRawAuthority()));
		}
		checkNotShortIpv4(uri.getHost());
		if (uri.getRawUserInfo() != null) {
			throw badRequest("Proxy-Uri '" + proxyUri + "' must not carry user information");
		}
		if (uri.getRawFragment() != null) {
			throw badRequest("Proxy-Uri '" + proxyUri + "' must not have a fragment");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getPort() > 0xFFFF) {
			throw badRequest("Proxy-Uri '" + proxyUri + "' has a port outside 1..65535");
		}
		int port = (uri.getPort() > 0) ? uri.getPort() : defaultPort(scheme, proxyUri);
		List<String> path = new ArrayList<>();
		String rawPath = uri.getRawPath();
		if (rawPath != null && rawPath.length() > 1) {
			for (String segment : rawPath.substring(1).split("/", -1)) {
				path.add(decode(segment, proxyUri));
			}
		}
		List<String> query = new ArrayList<>();
		String rawQuery = uri.getRawQuery();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String argument : rawQuery.split("&", -1)) {
				query.add(decode(argument, proxyUri));
			}
		}
		return new ProxyTarget(scheme, unbracket(uri.getHost()), port, path, query);
	}

	private static String noHost(String proxyUri, @Nullable String authority) {
		if (authority == null || authority.isEmpty()) {
			return "Proxy-Uri '" + proxyUri + "' has no host";
		}
		String host = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = host.lastIndexOf(':');
		if (colon >= 0 && !host.endsWith("]")) {
			host = host.substring(0, colon);
		}
		if (isNumericHost(host)) {
			return shortIpv4(host);
		}
		return "Proxy-Uri '" + proxyUri + "' has no valid host: '" + host + "' is neither a host name nor an IP "
				+ "address";
	}

	private static String shortIpv4(String host) {
		return "Host '" + host + "' is a shortened or numeric IPv4 form, which the proxy does not accept: write the "
				+ "address as four decimal numbers, such as 127.0.0.1";
	}

	/**
	 * Refuse a host that is a shortened or numeric IPv4 form ({@code 127.1}, {@code 2130706433},
	 * {@code 0x7f.1}): name resolvers read such forms differently, so the proxy accepts only four decimal
	 * numbers.
	 * @param host the host of a request
	 * @throws InvalidProxyRequestException with 4.00 Bad Request for such a form
	 */
	public static void checkNotShortIpv4(String host) {
		if (isNumericHost(host)) {
			throw badRequest(shortIpv4(host));
		}
	}

	/**
	 * Return whether a host is written as an IPv4 address of four decimal numbers.
	 * @param host the host
	 * @return {@code true} for such a literal
	 */
	static boolean isIpv4Literal(String host) {
		return host.indexOf(':') < 0 && StringUtil.isLiteralIpAddress(host);
	}

	/**
	 * Return whether a host is a number rather than a name: its last label is a decimal, octal or hexadecimal
	 * number (a top-level domain never is), and it is not an IPv4 address of four decimal numbers.
	 * @param host the host, without port
	 * @return {@code true} for a shortened or numeric IPv4 form such as {@code 127.1} or {@code 2130706433}
	 */
	static boolean isNumericHost(String host) {
		if (host.isEmpty() || host.indexOf(':') >= 0 || isIpv4Literal(host)) {
			return false;
		}
		String label = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		if (label.startsWith("0x")) {
			label = label.substring(2);
			return !label.isEmpty() && label.chars().allMatch((c) -> Character.digit(c, 16) >= 0);
		}
		return !label.isEmpty() && label.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	/**
	 * Read the target of a request with a Proxy-Scheme option: Uri-Host, Uri-Port, Uri-Path and Uri-Query
	 * give the rest; without Uri-Host the host is the address the request was sent to (RFC 7252 section
	 * 6.4).
	 * @param scheme the Proxy-Scheme
	 * @param options the request's options
	 * @param localAddress the address literal the request was received on, used without Uri-Host
	 * @return the target
	 * @throws InvalidProxyRequestException with 4.00 Bad Request if the scheme has no default port and no
	 * Uri-Port is given
	 */
	public static ProxyTarget fromOptions(String scheme, OptionSet options, @Nullable String localAddress) {
		String lower = scheme.toLowerCase(Locale.ROOT);
		String host = options.hasUriHost() ? options.getUriHost() : localAddress;
		if (!StringUtils.hasText(host)) {
			throw badRequest("A Proxy-Scheme request needs a Uri-Host option");
		}
		checkNotShortIpv4(host);
		int port = options.hasUriPort() ? options.getUriPort() : defaultPort(lower, scheme);
		if (port <= 0 || port > 0xFFFF) {
			throw badRequest("Uri-Port " + port + " is outside 1..65535");
		}
		return new ProxyTarget(lower, unbracket(host), port, options.getUriPath(), options.getUriQuery());
	}

	private static int defaultPort(String scheme, String uri) {
		int port = defaultPort(scheme);
		if (port == 0) {
			throw new InvalidProxyRequestException(CoAP.ResponseCode.PROXY_NOT_SUPPORTED,
					"Proxying to '" + scheme + "' URIs is not supported: " + uri);
		}
		return port;
	}

	/**
	 * Return the default port of a scheme.
	 * @param scheme the scheme, in lower case
	 * @return the port, or 0 for a scheme without a known default port
	 */
	static int defaultPort(String scheme) {
		return switch (scheme) {
			case "coap", "coap+tcp", "coap+ws" -> CoAP.DEFAULT_COAP_PORT;
			case "coaps", "coaps+tcp", "coaps+ws" -> CoAP.DEFAULT_COAP_SECURE_PORT;
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			default -> 0;
		};
	}

	private static String decode(String text, String uri) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		try {
			return StringUtils.uriDecode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("Malformed percent-encoding in '" + uri + "'");
		}
	}

	private static String encode(String text, String allowed) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || allowed.indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	private static String unbracket(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static InvalidProxyRequestException badRequest(String message) {
		return new InvalidProxyRequestException(CoAP.ResponseCode.BAD_REQUEST, message);
	}

	/**
	 * Return whether the host is an IP address literal rather than a name.
	 * @return {@code true} for an address literal
	 */
	public boolean isAddressLiteral() {
		return this.host.indexOf(':') >= 0 || StringUtil.isLiteralIpAddress(this.host);
	}

	/**
	 * Return the host as written in a URI: IPv6 literals in brackets.
	 * @return the URI host
	 */
	public String uriHost() {
		return (this.host.indexOf(':') >= 0) ? "[" + this.host + "]" : this.host;
	}

	/**
	 * Return the target as an absolute URI with encoded path segments and query arguments.
	 * @return the URI text
	 */
	public String toUri() {
		StringBuilder uri = new StringBuilder(this.scheme).append("://").append(uriHost()).append(':')
			.append(this.port);
		appendPathAndQuery(uri);
		return uri.toString();
	}

	/**
	 * Append the encoded path and query.
	 * @param uri the builder to append to
	 */
	public void appendPathAndQuery(StringBuilder uri) {
		for (String segment : this.path) {
			uri.append('/').append(encode(segment, PATH_SEGMENT_CHARACTERS));
		}
		if (this.path.isEmpty()) {
			uri.append('/');
		}
		for (int i = 0; i < this.query.size(); i++) {
			uri.append((i == 0) ? '?' : '&');
			String argument = this.query.get(i);
			int equals = argument.indexOf('=');
			if (equals < 0) {
				uri.append(encode(argument, QUERY_ARGUMENT_CHARACTERS));
			}
			else {
				uri.append(encode(argument.substring(0, equals), QUERY_ARGUMENT_CHARACTERS))
					.append('=')
					.append(encode(argument.substring(equals + 1), QUERY_ARGUMENT_CHARACTERS));
			}
		}
	}

	@Override
	public String toString() {
		return toUri();
	}

}
