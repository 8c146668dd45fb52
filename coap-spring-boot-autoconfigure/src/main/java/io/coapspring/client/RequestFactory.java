package io.coapspring.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.coapspring.client.CoapRequestEntity.OptionValue;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConversionException;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.EncodedPayload;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.stack.ReliabilityLayerParameters;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Turns a {@link CoapRequestEntity} into a Californium {@link Request}: resolves its URI, applies the
 * template's defaults where the entity leaves something unset, writes the body with the converters and sets
 * the per-request transmission parameters.
 *
 * @author CoAP Spring Boot team
 */
final class RequestFactory {

	private final ClientDefaults defaults;

	private final UriTemplateExpander uris;

	private final CoapMessageConverters converters;

	private final OptionFactory optionFactory;

	private final Configuration configuration;

	private final @Nullable CoapClientRequestInitializer initializer;

	RequestFactory(ClientDefaults defaults, UriTemplateExpander uris, CoapMessageConverters converters,
			OptionFactory optionFactory, Configuration configuration,
			@Nullable CoapClientRequestInitializer initializer) {
		this.initializer = initializer;
		this.defaults = defaults;
		this.uris = uris;
		this.converters = converters;
		this.optionFactory = optionFactory;
		this.configuration = configuration;
	}

	URI uri(CoapRequestEntity<?> entity) {
		URI uri = entity.getUri();
		if (uri != null) {
			return this.uris.resolve(uri);
		}
		String template = entity.getUriTemplate();
		Map<String, ?> named = entity.getUriVariableMap();
		return (named != null) ? this.uris.expand(template, named) : this.uris.expand(template, entity.getUriVariables());
	}

	PreparedRequest create(CoapRequestEntity<?> entity) {
		URI uri = uri(entity);
		boolean confirmable = (entity.getConfirmable() != null) ? entity.getConfirmable() : this.defaults.confirmable();
		Request request = new Request(entity.getMethod(), confirmable ? Type.CON : Type.NON);
		Target target = target(entity, uri, request);
		InetSocketAddress destination = target.address();
		OptionSet options = request.getOptions();
		Integer accept = resolveFormat(entity.getAccept(), this.defaults.accept());
		if (accept != null) {
			options.setAccept(accept);
		}
		int maxBodySize = (entity.getMaxBodySize() != null) ? entity.getMaxBodySize() : this.defaults.maxBodySize();
		if (maxBodySize > 0) {
			request.setMaxResourceBodySize(maxBodySize);
		}
		Object body = entity.getBody();
		if (body != null) {
			writeBody(entity, uri, body, request, maxBodySize);
		}
		for (OptionValue option : entity.getOptions()) {
			options.addOption(this.optionFactory.create(option));
		}
		int blockSize = (entity.getBlockSize() != null) ? entity.getBlockSize() : this.defaults.blockSize();
		if (blockSize > 0 && !request.isMulticast() && !options.hasBlock2()) {
			options.setBlock2(BlockOption.size2Szx(blockSize), false, 0);
		}
		Integer maxRetransmit = (entity.getMaxRetransmit() != null) ? entity.getMaxRetransmit()
				: this.defaults.maxRetransmit();
		if (maxRetransmit != null && maxRetransmit != this.configuration.get(CoapConfig.MAX_RETRANSMIT)) {
			request.setReliabilityLayerParameters(
					ReliabilityLayerParameters.builder().applyConfig(this.configuration).maxRetransmit(maxRetransmit).build());
		}
		Duration timeout = (entity.getTimeout() != null) ? entity.getTimeout() : this.defaults.timeout();
		if (this.initializer != null) {
			this.initializer.initialize(request, uri);
		}
		return new PreparedRequest(request, uri, destination, blockSize, timeout, accept, target.secure(),
				target.tcp(), target.webSocket());
	}

	/**
	 * Address the request: to the host of its URI, or to a proxy. The scheme of the URI of whichever it is
	 * sent to decides between UDP and DTLS.
	 */
	private Target target(CoapRequestEntity<?> entity, URI uri, Request request) {
		OptionSet options = request.getOptions();
		if (entity.getProxyUri() != null) {
			if (RequestTarget.hasPathOrQuery(uri)) {
				throw new IllegalArgumentException("A request with a Proxy-Uri is sent to the proxy itself: '" + uri
						+ "' must have no path or query");
			}
			Target proxy = sendTo(uri, request);
			options.setProxyUri(entity.getProxyUri());
			return proxy;
		}
		if (entity.getProxy() != null) {
			Target proxy = sendTo(this.uris.resolve(entity.getProxy()), request);
			RequestTarget.applyProxiedUriOptions(uri, proxy.address(), options);
			options.setProxyScheme((entity.getProxyScheme() != null) ? entity.getProxyScheme() : uri.getScheme());
			return proxy;
		}
		Target destination = sendTo(uri, request);
		RequestTarget.applyUriOptions(uri, destination.address(), options);
		return destination;
	}

	private static Target sendTo(URI uri, Request request) {
		boolean secure = RequestTarget.isSecure(uri);
		InetSocketAddress address = RequestTarget.destination(uri);
		String virtualHost = secure ? RequestTarget.virtualHost(uri) : null;
		request.setDestinationContext(new AddressEndpointContext(address, virtualHost, null));
		return new Target(address, secure, RequestTarget.isTcp(uri), RequestTarget.isWebSocket(uri));
	}

	private record Target(InetSocketAddress address, boolean secure, boolean tcp, boolean webSocket) {
	}

	private void writeBody(CoapRequestEntity<?> entity, URI uri, Object body, Request request, int maxBodySize) {
		Integer format = resolveFormat(entity.getContentFormat(), this.defaults.contentFormat());
		EncodedPayload payload;
		try {
			payload = this.converters.write(body, bodyType(body),
					(format != null) ? List.of(format) : List.of());
		}
		catch (CoapMessageConversionException ex) {
			throw new CoapClientException("Cannot write the body of " + entity.getMethod() + " " + uri + ": "
					+ ex.getMessage(), ex);
		}
		int limit = (maxBodySize > 0) ? maxBodySize : this.configuration.get(CoapConfig.MAX_RESOURCE_BODY_SIZE);
		if (limit > 0 && payload.bytes().length > limit) {
			throw new CoapClientException("The body of " + entity.getMethod() + " " + uri + " has "
					+ payload.bytes().length + " bytes, more than the maximum body size of " + limit + " bytes");
		}
		request.setPayload(payload.bytes());
		request.getOptions().setContentFormat(payload.contentFormat());
	}

	/**
	 * The type of a body. An instance does not carry its type arguments, so a collection whose elements share
	 * a class is typed with it: the link-format converter takes a collection of unknown elements for links.
	 */
	private static ResolvableType bodyType(Object body) {
		if (body instanceof Collection<?> collection && !collection.isEmpty()) {
			Class<?> elementType = null;
			for (Object element : collection) {
				if (element == null || (elementType != null && element.getClass() != elementType)) {
					return ResolvableType.forInstance(body);
				}
				elementType = element.getClass();
			}
			return ResolvableType.forClassWithGenerics(Collection.class, elementType);
		}
		return ResolvableType.forInstance(body);
	}

	private @Nullable Integer resolveFormat(@Nullable String value, @Nullable Integer fallback) {
		if (value == null) {
			return fallback;
		}
		CoapContentFormats formats = this.converters.getContentFormats();
		return formats.resolve(value);
	}

}
