package io.coapspring.rd.autoconfigure;

import java.net.InetSocketAddress;
import java.net.URI;

import io.coapspring.rd.RdUris;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * Where this application's own directory answers: the plain endpoint of its CoAP server, on the loopback address
 * when it is bound to the wildcard address.
 */
final class RdOwnDirectory {

	private RdOwnDirectory() {
	}

	/**
	 * Return a path of the own directory, once the server is bound.
	 * @param server the server
	 * @param path the path, such as {@code /rd}
	 * @return the absolute URI
	 * @throws IllegalStateException if the server has no plain endpoint
	 */
	static URI uri(CoapServer server, String path) {
		Endpoint endpoint = serverEndpoint(server, "coap");
		if (endpoint == null) {
			throw new IllegalStateException("the CoAP server has no coap endpoint for its own resource directory");
		}
		InetSocketAddress address = endpoint.getAddress();
		URI origin = (address.getAddress() == null || address.getAddress().isAnyLocalAddress())
				? URI.create("coap://127.0.0.1:" + address.getPort()) : RdUris.of("coap", address);
		return URI.create(origin + path);
	}

	/**
	 * Return the server's first endpoint of a scheme.
	 * @param server the server
	 * @param scheme the scheme, such as {@code coap}
	 * @return the endpoint, or {@code null} if it has none
	 */
	static @Nullable Endpoint serverEndpoint(CoapServer server, String scheme) {
		for (Endpoint endpoint : server.getEndpoints()) {
			if (scheme.equals(endpoint.getUri().getScheme())) {
				return endpoint;
			}
		}
		return null;
	}

}
