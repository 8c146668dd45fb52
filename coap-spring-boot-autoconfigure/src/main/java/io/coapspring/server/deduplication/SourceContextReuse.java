package io.coapspring.server.deduplication;

import java.util.Objects;

import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.EndpointContextOperator;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an exchange on the endpoint context its request came with. Over plain UDP, Californium's connector
 * reports a new {@link UdpEndpointContext} for every message it sends, and the exchange keeps the latest: a second
 * context, with its attribute map, per exchange (about 250 bytes), kept for the exchange lifetime of a remembered
 * exchange and for the whole life of an observe relation. It says nothing the request's source context does not
 * (the same peer address, no other attributes), so the exchange is given that one instead; any other context
 * (DTLS, another address) is kept as reported. Used by the deduplicator for remembered exchanges and by the
 * server's observe support for the exchanges of observe registrations.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class SourceContextReuse implements EndpointContextOperator {

	private final EndpointContext source;

	private SourceContextReuse(EndpointContext source) {
		this.source = source;
	}

	/**
	 * Have the exchange of a received request keep the request's source context in place of the equal contexts
	 * reported when its messages are sent; does nothing unless that context is plain UDP.
	 * @param exchange the exchange, before its response is sent
	 */
	public static void apply(Exchange exchange) {
		EndpointContext source = exchange.getRequest().getSourceContext();
		if (isPlainUdp(source)) {
			exchange.setEndpointContextPreOperator(new SourceContextReuse(source));
		}
	}

	@Override
	public EndpointContext apply(EndpointContext context) {
		return (context != this.source && isSame(this.source, context)) ? this.source : context;
	}

	/**
	 * Return whether two endpoint contexts are plain UDP contexts that say the same: the same peer address,
	 * virtual host and attributes. One can then be kept in place of the other.
	 * @param kept the context kept
	 * @param other another context
	 * @return {@code true} if {@code other} can be replaced by {@code kept}
	 */
	public static boolean isSame(EndpointContext kept, EndpointContext other) {
		return isPlainUdp(kept) && isPlainUdp(other) && Objects.equals(other.getPeerAddress(), kept.getPeerAddress())
				&& Objects.equals(other.getVirtualHost(), kept.getVirtualHost())
				&& other.entries().equals(kept.entries());
	}

	private static boolean isPlainUdp(@Nullable EndpointContext context) {
		return context != null && context.getClass() == UdpEndpointContext.class;
	}

}
