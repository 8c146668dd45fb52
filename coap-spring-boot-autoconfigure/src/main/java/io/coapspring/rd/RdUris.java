package io.coapspring.rd;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * URI helpers of the Resource Directory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RdUris {

	private RdUris() {
	}

	/**
	 * Return the URI of a peer address, such as {@code coap://[2001:db8::1]:5683}.
	 * @param scheme {@code coap} or {@code coaps}
	 * @param address the address
	 * @return the URI, without path
	 */
	public static URI of(String scheme, InetSocketAddress address) {
		InetAddress ip = address.getAddress();
		String host = (ip != null) ? ip.getHostAddress() : address.getHostString();
		if (ip instanceof Inet6Address) {
			int zone = host.indexOf('%');
			host = "[" + ((zone >= 0) ? host.substring(0, zone) : host) + "]";
		}
		try {
			return new URI(scheme + "://" + host + ":" + address.getPort());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Cannot build a URI for " + address, ex);
		}
	}

	/**
	 * Return the URI with the root path when it has no path, so that relative references resolve below it.
	 * @param uri an absolute URI
	 * @return the URI with a path
	 */
	public static URI withPath(URI uri) {
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			return URI.create(uri.toString() + "/");
		}
		return uri;
	}

	/**
	 * Return the root of a URI's origin: {@code coap://host:port/}.
	 * @param uri an absolute URI
	 * @return its origin with the root path, or the URI itself when it has no authority
	 */
	public static URI origin(URI uri) {
		if (uri.getRawAuthority() == null) {
			return uri;
		}
		return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
	}

}
