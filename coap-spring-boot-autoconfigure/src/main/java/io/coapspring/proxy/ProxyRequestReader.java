package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link ProxyRequest} of an inbound CoAP request that carries a Proxy-Uri or Proxy-Scheme option.
 * <p>
 * The Uri-* and Proxy-* options become the {@link ProxyTarget}; Block1, Block2, Size1, Size2 and Observe are
 * handled per hop (Californium's block-wise layers assemble the bodies on both sides, and the proxy does not
 * relay observations), so they are not forwarded. Every other option is forwarded, unless it is unsafe to
 * forward (RFC 7252 section 5.4.2): such an option that the proxy does not understand is answered with 5.02
 * Bad Gateway (section 5.7.1).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ProxyRequestReader {

	private static final Set<Integer> PER_HOP_OPTIONS = Set.of(OptionNumberRegistry.URI_HOST,
			OptionNumberRegistry.URI_PORT, OptionNumberRegistry.URI_PATH, OptionNumberRegistry.URI_QUERY,
			OptionNumberRegistry.PROXY_URI, OptionNumberRegistry.PROXY_SCHEME, OptionNumberRegistry.OBSERVE,
			OptionNumberRegistry.BLOCK1, OptionNumberRegistry.BLOCK2, OptionNumberRegistry.SIZE1,
			OptionNumberRegistry.SIZE2);

	/**
	 * Return whether a request is for the proxy: it carries a Proxy-Uri or a Proxy-Scheme option.
	 * @param request the request
	 * @return {@code true} for a proxy request
	 */
	public static boolean isProxyRequest(Request request) {
		OptionSet options = request.getOptions();
		return options.hasProxyUri() || options.hasProxyScheme();
	}

	/**
	 * Read a proxy request.
	 * @param request the inbound request
	 * @return the request to forward
	 * @throws InvalidProxyRequestException with 4.00 for a malformed target, 5.05 for a scheme without default
	 * port and no Uri-Port, 5.02 for an unsafe option the proxy does not understand
	 */
	public ProxyRequest read(Request request) {
		OptionSet options = request.getOptions();
		ProxyTarget target = options.hasProxyUri() ? ProxyTarget.fromUri(options.getProxyUri())
				: ProxyTarget.fromOptions(options.getProxyScheme(), options, localAddress(request));
		List<Option> forwarded = new ArrayList<>();
		for (Option option : options.asSortedList()) {
			int number = option.getNumber();
			if (PER_HOP_OPTIONS.contains(number)) {
				continue;
			}
			if (OptionNumberRegistry.isUnsafe(number)) {
				throw new InvalidProxyRequestException(ResponseCode.BAD_GATEWAY, "Option " + number
						+ " is unsafe to forward and not understood by the proxy");
			}
			forwarded.add(option);
		}
		return new ProxyRequest(request.getCode(), target, request.isConfirmable(), forwarded,
				request.getPayload());
	}

	private static @Nullable String localAddress(Request request) {
		InetSocketAddress local = request.getLocalAddress();
		if (local == null || local.getAddress() == null) {
			return null;
		}
		InetAddress address = local.getAddress();
		return address.isAnyLocalAddress() ? null : address.getHostAddress();
	}

}
