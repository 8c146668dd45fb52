package io.coapspring.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.elements.util.StringUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns a request URI into the destination address and the Uri-Host, Uri-Port, Uri-Path and Uri-Query
 * options of RFC 7252 section 6.4. Path segments and query arguments are split on the raw (still encoded)
 * URI and decoded one by one, so an encoded {@code /} or {@code &} stays inside its segment or argument.
 *
 * @author CoAP Spring Boot team
 */
final class RequestTarget {

	private RequestTarget() {
	}

	/**
	 * Resolve the destination of a {@code coap://} or {@code coaps://} URI; a host name is looked up, which
	 * may block.
	 */
	static InetSocketAddress destination(URI uri) {
		isSecure(uri);
		return address(uri);
	}

	/**
	 * Return whether a URI is a {@code coaps://} one, sent over DTLS, or a {@code coaps+tcp://} one, sent over
	 * TLS, rather than a {@code coap://}, {@code coap+tcp://} or {@code coap+ws://} one.
	 * @throws IllegalArgumentException for any other scheme
	 */
	static boolean isSecure(URI uri) {
		String scheme = uri.getScheme();
		if (CoAP.COAP_URI_SCHEME.equalsIgnoreCase(scheme)) {
			return false;
		}
		if (CoAP.COAP_SECURE_URI_SCHEME.equalsIgnoreCase(scheme)
				|| CoAP.COAP_SECURE_TCP_URI_SCHEME.equalsIgnoreCase(scheme)) {
			return true;
		}
		if (CoAP.COAP_TCP_URI_SCHEME.equalsIgnoreCase(scheme) || isWebSocket(uri)) {
			return false;
		}
		throw new IllegalArgumentException("Unsupported URI scheme '" + scheme + "' in '" + uri
				+ "': CoapTemplate sends coap:// requests over UDP, coaps:// requests over DTLS, coap+tcp://"
				+ " requests over TCP, coaps+tcp:// requests over TLS and coap+ws:// requests over WebSockets");
	}

	/**
	 * Return whether a URI is a {@code coap+tcp://} or {@code coaps+tcp://} one, sent over TCP or TLS
	 * (RFC 8323).
	 */
	static boolean isTcp(URI uri) {
		return CoAP.COAP_TCP_URI_SCHEME.equalsIgnoreCase(uri.getScheme())
				|| CoAP.COAP_SECURE_TCP_URI_SCHEME.equalsIgnoreCase(uri.getScheme());
	}

	/**
	 * Return whether a URI is a {@code coap+ws://} one, sent over a WebSocket (RFC 8323 section 4).
	 */
	static boolean isWebSocket(URI uri) {
		return "coap+ws".equalsIgnoreCase(uri.getScheme());
	}

	/**
	 * Return the host name of a URI to present to a DTLS server, for its certificate check and server name
	 * indication.
	 * @return the host, or {@code null} if it is an IP literal
	 */
	static @Nullable String virtualHost(URI uri) {
		String host = uri.getHost();
		return (host != null && !StringUtil.isLiteralIpAddress(host)) ? host.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Resolve the address of the host and port of any URI.
	 */
	static InetSocketAddress address(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("URI '" + uri + "' has no host");
		}
		try {
			InetAddress address = InetAddress.getByName(unbracket(host));
			return new InetSocketAddress(address, port(uri));
		}
		catch (UnknownHostException ex) {
			throw new CoapClientException("Cannot resolve host '" + host + "' of '" + uri + "'", ex);
		}
	}

	/**
	 * Set the Uri-* options that, together with the destination, identify the resource of the URI.
	 */
	static void applyUriOptions(URI uri, InetSocketAddress destination, OptionSet options) {
		applyUriOptions(uri, destination, options, false);
	}

	/**
	 * Set the Uri-* options that identify the resource of the URI, for a request to a forward proxy: the
	 * Uri-Host is always set, since proxies differ in how they read its absence.
	 */
	static void applyProxiedUriOptions(URI uri, InetSocketAddress proxy, OptionSet options) {
		applyUriOptions(uri, proxy, options, true);
	}

	private static void applyUriOptions(URI uri, InetSocketAddress destination, OptionSet options,
			boolean alwaysHost) {
		String host = uri.getHost();
		if (host != null && (alwaysHost || !isDestination(host, destination))) {
			options.setUriHost(host.toLowerCase(Locale.ROOT));
		}
		else {
			options.removeUriHost();
		}
		int port = port(uri);
		if (port != destination.getPort()) {
			options.setUriPort(port);
		}
		else {
			options.removeUriPort();
		}
		options.clearUriPath();
		String path = uri.getRawPath();
		if (path != null && path.length() > 1) {
			for (String segment : path.substring(1).split("/", -1)) {
				options.addUriPath(decode(segment));
			}
		}
		options.clearUriQuery();
		String query = uri.getRawQuery();
		if (query != null && !query.isEmpty()) {
			for (String argument : query.split("&")) {
				options.addUriQuery(decode(argument));
			}
		}
	}

	static boolean hasPathOrQuery(URI uri) {
		String path = uri.getRawPath();
		return (path != null && path.length() > 1) || uri.getRawQuery() != null;
	}

	private static boolean isDestination(String host, InetSocketAddress destination) {
		if (!StringUtil.isLiteralIpAddress(host)) {
			return false;
		}
		try {
			return InetAddress.getByName(unbracket(host)).equals(destination.getAddress());
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return switch (scheme) {
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			case "coap", "coap+tcp", "coap+ws" -> CoAP.DEFAULT_COAP_PORT;
			case "coaps", "coaps+tcp", "coaps+ws" -> CoAP.DEFAULT_COAP_SECURE_PORT;
			default -> throw new IllegalArgumentException("URI '" + uri + "' needs an explicit port");
		};
	}

	private static String unbracket(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static String decode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		return StringUtils.uriDecode(text, StandardCharsets.UTF_8);
	}

}
