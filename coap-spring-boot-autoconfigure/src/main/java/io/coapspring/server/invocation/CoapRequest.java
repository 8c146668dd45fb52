package io.coapspring.server.invocation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.mapping.CoapPathVariables;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A read-only view of an inbound CoAP request as a handler method sees it: method, URI, options, token,
 * message type, peer address and identity, payload and the variables of the matched path pattern. Declare a
 * parameter of this type to receive it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequest {

	private final Request request;

	private final CoapMethod method;

	private final Map<String, String> pathVariables;

	private final @Nullable String pathPattern;

	private volatile @Nullable Map<String, List<String>> queryParameters;

	/**
	 * Create a view.
	 * @param request the Californium request
	 * @param pathVariables the variables of the matched path pattern
	 * @param pathPattern the matched path pattern, or {@code null} if the request was not matched by a pattern
	 * @throws IllegalArgumentException if the request code is not a CoAP method
	 */
	public CoapRequest(Request request, Map<String, String> pathVariables, @Nullable String pathPattern) {
		this(request, method(request), pathVariables, pathPattern);
	}

	/**
	 * Create a view that presents the request with another method, as the GET that finds the current
	 * representation when a conditional request is evaluated.
	 * @param request the Californium request
	 * @param method the method to present
	 * @param pathVariables the variables of the matched path pattern
	 * @param pathPattern the matched path pattern, or {@code null}
	 */
	public CoapRequest(Request request, CoapMethod method, Map<String, String> pathVariables,
			@Nullable String pathPattern) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(method, "'method' must not be null");
		Assert.notNull(pathVariables, "'pathVariables' must not be null");
		this.request = request;
		this.method = method;
		this.pathVariables = (pathVariables instanceof CoapPathVariables) ? pathVariables : Map.copyOf(pathVariables);
		this.pathPattern = pathPattern;
	}

	private static CoapMethod method(Request request) {
		Assert.notNull(request, "'request' must not be null");
		CoapMethod method = CoapMethod.from(request.getCode());
		Assert.isTrue(method != null, () -> "Request code " + request.getCode() + " is not a CoAP method");
		return method;
	}

	/**
	 * Return the request method.
	 * @return the method
	 */
	public CoapMethod getMethod() {
		return this.method;
	}

	/**
	 * Return the path: the Uri-Path options joined with {@code /}, with a leading {@code /}.
	 * @return the path, {@code /} for the root
	 */
	public String getPath() {
		return "/" + this.request.getOptions().getUriPathString();
	}

	/**
	 * Return the Uri-Path segments.
	 * @return the segments
	 */
	public List<String> getPathSegments() {
		return Collections.unmodifiableList(this.request.getOptions().getUriPath());
	}

	/**
	 * Return the Uri-Query options joined with {@code &}.
	 * @return the query, empty if there is none
	 */
	public String getQuery() {
		return hasQuery() ? this.request.getOptions().getUriQueryString() : "";
	}

	/**
	 * Return the Uri-Query options.
	 * @return the query items, in order, empty if there is none
	 */
	public List<String> getQueryItems() {
		return hasQuery() ? Collections.unmodifiableList(this.request.getOptions().getUriQuery()) : List.of();
	}

	/**
	 * Return whether the request has Uri-Query options. An observer's request is kept as long as the observation
	 * and asked again at every notification, so it is asked without Californium's getter, which creates an empty
	 * list of them when there is none. Any other request is asked with the getter: {@code OptionSet.hasOption}
	 * builds and sorts a list of all the request's options to answer.
	 * @return {@code true} if it has
	 */
	private boolean hasQuery() {
		OptionSet options = this.request.getOptions();
		return options.hasObserve() ? options.hasOption(StandardOptionRegistry.URI_QUERY)
				: options.getURIQueryCount() > 0;
	}

	/**
	 * Return the request URI, with the Uri-Host option or the local address as host.
	 * @return the URI
	 */
	public URI getUri() {
		OptionSet options = this.request.getOptions();
		String host = options.getUriHost();
		InetSocketAddress local = this.request.getLocalAddress();
		if (host == null) {
			host = (local != null) ? local.getAddress().getHostAddress() : "localhost";
		}
		int port = (options.getUriPort() != null) ? options.getUriPort() : (local != null) ? local.getPort() : -1;
		String scheme = (this.request.getScheme() != null) ? this.request.getScheme() : CoAP.COAP_URI_SCHEME;
		if (port == CoAP.getDefaultPort(scheme)) {
			port = -1;
		}
		String query = hasQuery() ? options.getUriQueryString() : null;
		try {
			return new URI(scheme, null, host, port, getPath(), query, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot build the URI of the request", ex);
		}
	}

	/**
	 * Return the Uri-Query parameters: {@code name=value} items by name, in order; an item without {@code =}
	 * has the empty string as value.
	 * @return the parameters
	 */
	public Map<String, List<String>> getQueryParameters() {
		Map<String, List<String>> parameters = this.queryParameters;
		if (parameters == null && !hasQuery()) {
			// an observer's request is kept as long as the observation: no map, no empty list of options
			parameters = Map.of();
			this.queryParameters = parameters;
		}
		if (parameters == null) {
			Map<String, List<String>> parsed = new LinkedHashMap<>();
			for (String item : this.request.getOptions().getUriQuery()) {
				int equals = item.indexOf('=');
				String name = (equals < 0) ? item : item.substring(0, equals);
				String value = (equals < 0) ? "" : item.substring(equals + 1);
				parsed.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
			}
			parsed.replaceAll((name, values) -> List.copyOf(values));
			parameters = Collections.unmodifiableMap(parsed);
			this.queryParameters = parameters;
		}
		return parameters;
	}

	/**
	 * Return the variables of the matched path pattern.
	 * @return the variables by name
	 */
	public Map<String, String> getPathVariables() {
		return this.pathVariables;
	}

	/**
	 * Return the matched path pattern.
	 * @return the pattern, or {@code null} if the request was not matched by a pattern
	 */
	public @Nullable String getPathPattern() {
		return this.pathPattern;
	}

	/**
	 * Return the request's options. The set belongs to the request: do not modify it.
	 * @return the options
	 */
	public OptionSet getOptions() {
		return this.request.getOptions();
	}

	/**
	 * Return the Content-Format of the payload.
	 * @return the Content-Format number, or -1 if the request has none
	 */
	public int getContentFormat() {
		OptionSet options = this.request.getOptions();
		return options.hasContentFormat() ? options.getContentFormat() : -1;
	}

	/**
	 * Return the Content-Format the client accepts.
	 * @return the Accept option, or -1 if the request has none
	 */
	public int getAccept() {
		OptionSet options = this.request.getOptions();
		return options.hasAccept() ? options.getAccept() : -1;
	}

	/**
	 * Return the token.
	 * @return a copy of the token bytes, empty for an empty token
	 */
	public byte[] getToken() {
		return this.request.getTokenBytes().clone();
	}

	/**
	 * Return whether the request is confirmable (CON) rather than non-confirmable (NON).
	 * @return {@code true} for a CON request
	 */
	public boolean isConfirmable() {
		return this.request.isConfirmable();
	}

	/**
	 * Return whether the request was sent to a multicast address.
	 * @return {@code true} for a multicast request
	 */
	public boolean isMulticast() {
		return this.request.isMulticast();
	}

	/**
	 * Return the address and port of the client.
	 * @return the peer address
	 */
	public InetSocketAddress getPeerAddress() {
		return this.request.getSourceContext().getPeerAddress();
	}

	/**
	 * Return the identity of the client that a DTLS handshake authenticated: its PSK identity, certificate
	 * subject or raw public key.
	 * @return the identity, or {@code null} over plain UDP, which authenticates no one
	 * @see #getPeerIdentity()
	 */
	public @Nullable Principal getPrincipal() {
		return getPeerIdentity();
	}

	/**
	 * Return the identity of the client that a DTLS handshake authenticated, with how it was authenticated and
	 * its certificates or public key.
	 * @return the identity, or {@code null} over plain UDP, which authenticates no one
	 */
	public @Nullable CoapPeerIdentity getPeerIdentity() {
		return CoapPeerIdentity.of(this.request);
	}

	/**
	 * Return whether the request came over DTLS ({@code coaps}).
	 * @return {@code true} if the request was received by a DTLS endpoint
	 */
	public boolean isSecure() {
		return CoAP.COAP_SECURE_URI_SCHEME.equals(this.request.getScheme());
	}

	/**
	 * Return the payload, reassembled if it came block-wise.
	 * @return the payload, empty if the request has none
	 */
	public byte[] getPayload() {
		return this.request.getPayload();
	}

	/**
	 * Return the Californium request, for what this view does not expose. Do not modify it.
	 * @return the request
	 */
	public Request unwrap() {
		return this.request;
	}

	/**
	 * Return the local address the request was received on.
	 * @return the local address, or {@code null} if unknown
	 */
	public @Nullable InetAddress getLocalAddress() {
		InetSocketAddress local = this.request.getLocalAddress();
		return (local != null) ? local.getAddress() : null;
	}

	@Override
	public String toString() {
		return this.method + " " + getPath() + (getQuery().isEmpty() ? "" : "?" + getQuery());
	}

}
