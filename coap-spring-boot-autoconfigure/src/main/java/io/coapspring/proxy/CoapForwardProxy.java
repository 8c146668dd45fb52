package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Forwards {@link ProxyRequest}s to their destinations, for the CoAP forward proxy and the HTTP to CoAP
 * gateway alike.
 * <p>
 * In order: a scheme without a {@link ProxyClient} is answered with 5.05 Proxying Not Supported, a destination
 * outside the {@link AllowedDestinations} with 4.03 Forbidden (so the proxy is not an open relay), a host that
 * cannot be resolved with 5.02 Bad Gateway. The host is resolved before the check and every address it resolves to
 * must be allowed, so that an allowed name cannot lead to this host's loopback-only services. Cacheable requests
 * are answered from the {@link CoapProxyCache} while its response is fresh; a stale response with an ETag is
 * revalidated, and a 2.03 Valid from the destination refreshes it (RFC 7252 sections 5.6 and 5.10.6). A
 * successful unsafe request removes the cached responses of its target.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapForwardProxy {

	private static final Log logger = LogFactory.getLog(CoapForwardProxy.class);

	private static final Set<ResponseCode> INVALIDATING_CODES = Set.of(ResponseCode.CREATED, ResponseCode.DELETED,
			ResponseCode.CHANGED);

	private final Map<String, ProxyClient> clients;

	private final AllowedDestinations allowedDestinations;

	private final @Nullable CoapProxyCache cache;

	/**
	 * Create a proxy that forwards to every scheme of its clients.
	 * @param clients the clients, by the schemes they support; the first client of a scheme wins
	 * @param allowedDestinations where requests may be forwarded
	 * @param cache the response cache, or {@code null} not to cache
	 */
	public CoapForwardProxy(Collection<? extends ProxyClient> clients, AllowedDestinations allowedDestinations,
			@Nullable CoapProxyCache cache) {
		this(clients, null, allowedDestinations, cache);
	}

	/**
	 * Create a proxy.
	 * @param clients the clients, by the schemes they support; the first client of a scheme wins
	 * @param schemes the schemes to forward to, or {@code null} for every scheme of the clients
	 * @param allowedDestinations where requests may be forwarded
	 * @param cache the response cache, or {@code null} not to cache
	 */
	public CoapForwardProxy(Collection<? extends ProxyClient> clients, @Nullable Collection<String> schemes,
			AllowedDestinations allowedDestinations, @Nullable CoapProxyCache cache) {
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(allowedDestinations, "'allowedDestinations' must not be null");
		Set<String> enabled = (schemes != null)
				? schemes.stream().map((scheme) -> scheme.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()) : null;
		Map<String, ProxyClient> byScheme = new LinkedHashMap<>();
		for (ProxyClient client : clients) {
			for (String scheme : client.getSchemes()) {
				if (enabled == null || enabled.contains(scheme)) {
					byScheme.putIfAbsent(scheme, client);
				}
			}
		}
		this.clients = Map.copyOf(byScheme);
		this.allowedDestinations = allowedDestinations;
		this.cache = cache;
	}

	/**
	 * Return the schemes requests can be forwarded to.
	 * @return the schemes
	 */
	public Set<String> getSchemes() {
		return this.clients.keySet();
	}

	/**
	 * Return the response cache.
	 * @return the cache, or {@code null} when responses are not cached
	 */
	public @Nullable CoapProxyCache getCache() {
		return this.cache;
	}

	/**
	 * Forward a request. May block to resolve the target's host name, so never call it on a Californium
	 * protocol thread.
	 * @param request the request
	 * @return the response, of the destination or of the proxy; never completes exceptionally
	 */
	public CompletableFuture<ProxyResponse> forward(ProxyRequest request) {
		Assert.notNull(request, "'request' must not be null");
		ProxyTarget target = request.target();
		ProxyClient client = this.clients.get(target.scheme());
		if (client == null) {
			return answer(ResponseCode.PROXY_NOT_SUPPORTED,
					"Proxying to '" + target.scheme() + "' URIs is not supported");
		}
		InetAddress destination;
		try {
			destination = checkDestination(target);
		}
		catch (DestinationDeniedException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Proxy refuses " + request.describe() + ": " + ex.getMessage());
			}
			return answer(ResponseCode.FORBIDDEN, ex.getMessage());
		}
		catch (UnknownHostException ex) {
			return answer(ResponseCode.BAD_GATEWAY, "Cannot resolve host '" + target.host() + "'");
		}
		CoapProxyCache cache = this.cache;
		if (cache != null && CoapProxyCache.isCacheable(request)) {
			return forwardCacheable(request, client, destination, cache);
		}
		return send(client, request, destination).thenApply((response) -> {
			if (cache != null && isUnsafe(request.method()) && INVALIDATING_CODES.contains(response.code())) {
				cache.invalidate(target);
			}
			return response;
		});
	}

	private static boolean isUnsafe(Code method) {
		return method != Code.GET && method != Code.FETCH;
	}

	private CompletableFuture<ProxyResponse> forwardCacheable(ProxyRequest request, ProxyClient client,
			@Nullable InetAddress destination, CoapProxyCache cache) {
		CoapProxyCache.Stored stored = cache.get(request);
		if (stored != null && stored.isFresh()) {
			byte[] etag = stored.etag();
			long maxAge = stored.remainingMaxAge();
			if (etag != null && request.hasETag(etag)) {
				return CompletableFuture.completedFuture(valid(etag, maxAge));
			}
			return CompletableFuture.completedFuture(stored.toResponse(maxAge));
		}
		byte[] storedETag = (stored != null) ? stored.etag() : null;
		ProxyRequest outgoing = (storedETag != null) ? request.withETag(storedETag) : request;
		return send(client, outgoing, destination).thenApply((response) -> {
			if (response.code() == ResponseCode.VALID && stored != null) {
				byte[] validated = response.etag();
				if (validated != null && stored.hasETag(validated)) {
					cache.refresh(stored, response.maxAge());
					return request.hasETag(validated) ? response : stored.toResponse(response.maxAge());
				}
				return response;
			}
			if (response.code() != ResponseCode.VALID) {
				cache.put(request, response);
			}
			return response;
		});
	}

	private static CompletableFuture<ProxyResponse> send(ProxyClient client, ProxyRequest request,
			@Nullable InetAddress destination) {
		try {
			return client.send(request, destination).exceptionally((ex) -> failure(request, ex));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(failure(request, ex));
		}
	}

	private static ProxyResponse failure(ProxyRequest request, Throwable ex) {
		logger.warn("Forwarding " + request.describe() + " failed", ex);
		return ProxyResponse.of(ResponseCode.BAD_GATEWAY, "Forwarding failed: " + ex.getMessage());
	}

	private static ProxyResponse valid(byte[] etag, long maxAge) {
		OptionSet options = new OptionSet();
		options.addETag(etag);
		options.setMaxAge(maxAge);
		return new ProxyResponse(ResponseCode.VALID, options, new byte[0]);
	}

	/**
	 * Check the target against the allow-list: its scheme and port first, then every address its host resolves
	 * to, so that an allowed name cannot lead to a host-only address that is not listed explicitly.
	 * @return the first address the host resolves to, which the CoAP client sends to
	 */
	private InetAddress checkDestination(ProxyTarget target) throws DestinationDeniedException, UnknownHostException {
		String host = target.host();
		if (!this.allowedDestinations.allowsSchemeAndPort(target)) {
			throw new DestinationDeniedException("Destination '" + target.scheme() + "://" + target.uriHost() + ":"
					+ target.port() + "' is not allowed");
		}
		if (!target.isAddressLiteral() && logger.isTraceEnabled()) {
			logger.trace("Resolving '" + host + "' to check it against the allowed destinations");
		}
		List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
		String refusal = this.allowedDestinations.refusal(target, addresses);
		if (refusal != null) {
			throw new DestinationDeniedException(refusal);
		}
		return addresses.get(0);
	}

	private static CompletableFuture<ProxyResponse> answer(ResponseCode code, String diagnostic) {
		return CompletableFuture.completedFuture(ProxyResponse.of(code, diagnostic));
	}

	private static final class DestinationDeniedException extends Exception {

		DestinationDeniedException(String message) {
			super(message, null, false, false);
		}

	}

}
