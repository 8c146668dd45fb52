package io.coapspring.server.observe;

import java.util.Objects;

import org.eclipse.californium.core.network.Exchange.EndpointContextOperator;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.UdpEndpointContext;

/**
 * Keeps the exchange of an observe relation on the endpoint context its registration came with. Over plain UDP,
 * Californium's connector reports a new {@link UdpEndpointContext} for every message it sends, and the exchange
 * keeps the latest for the lifetime of the relation: one more context, with its attribute map, per observer
 * (about 250 bytes). Such a context says nothing the registration's source context does not (the same peer
 * address, no other attributes), so the exchange is given that one instead; any other context (DTLS, another
 * address) is kept as reported.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class CoapPeerContextReuse implements EndpointContextOperator {

	private final EndpointContext source;

	private CoapPeerContextReuse(EndpointContext source) {
		this.source = source;
	}

	/**
	 * Have the exchange of an observe registration keep its request's source context in place of the equal
	 * contexts the connector reports for its messages; does nothing unless that context is plain UDP.
	 * @param exchange the exchange of the registration, before its response is sent
	 */
	static void apply(Exchange exchange) {
		EndpointContext source = exchange.getRequest().getSourceContext();
		if (isPlainUdp(source)) {
			exchange.setEndpointContextPreOperator(new CoapPeerContextReuse(source));
		}
	}

	@Override
	public EndpointContext apply(EndpointContext context) {
		if (context != this.source && isPlainUdp(context)
				&& Objects.equals(context.getPeerAddress(), this.source.getPeerAddress())
				&& Objects.equals(context.getVirtualHost(), this.source.getVirtualHost())
				&& context.entries().equals(this.source.entries())) {
			return this.source;
		}
		return context;
	}

	private static boolean isPlainUdp(EndpointContext context) {
		return context != null && context.getClass() == UdpEndpointContext.class;
	}

}
