package io.coapspring.proxy;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Sends forwarded requests to destinations of some URI schemes: {@link CoapProxyClient} for {@code coap},
 * {@code io.coapspring.proxy.http.HttpProxyClient} for {@code http} and {@code https}. An application adds a
 * scheme with a bean of its own.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface ProxyClient {

	/**
	 * Return the URI schemes this client sends requests to, in lower case.
	 * @return the schemes
	 */
	Set<String> getSchemes();

	/**
	 * Send a request to its target. May block, for instance to look up a host name; never called on a
	 * Californium protocol thread.
	 * @param request the request, already allowed by the proxy's allow-list
	 * @param destination the address the target's host was resolved to when checking the allow-list, to be
	 * used rather than resolving the host again; {@code null} when the host name itself is allowed
	 * @return the response; a failure to reach the destination completes it normally with 5.02 Bad Gateway,
	 * no answer in time with 5.04 Gateway Timeout
	 */
	CompletableFuture<ProxyResponse> send(ProxyRequest request, @Nullable InetAddress destination);

}
