package io.coapspring.server.discovery;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.coapspring.server.UnansweredExchanges;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@code /.well-known/core} (RFC 6690): the links of {@link CoapDiscoveryLinks} (the discoverable handler
 * mappings, with the instances of patterns with variables, and the visible resources of the server's resource
 * tree), in link format (Content-Format 40). Query parameters filter the links ({@code ?rt=}, {@code ?if=},
 * {@code ?ct=}, {@code ?href=}, any other attribute), a trailing {@code *} matching a prefix; several filters must
 * all match.
 * A listing longer than a block is sent block-wise by Californium.
 * <p>
 * With a {@link CoapEndpointName}, every link carries the node's name as its {@code ep} attribute, so that
 * {@code ?ep=node1} selects the links of that node. A request that came through a multicast group and matches
 * no link gets no answer at all (RFC 6690 section 4.1, RFC 7252 section 8.2), so that a client asking a group
 * hears only from the nodes that have what it looks for.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDiscoveryResource extends CoapResource {

	private final CoapDiscoveryLinks links;

	/**
	 * Create the resource, named {@code core}, to be added under {@code .well-known}.
	 * @param root the root of the server's resource tree
	 * @param mappingLinks the links of the handler mappings
	 */
	public CoapDiscoveryResource(Resource root, CoapMappingLinks mappingLinks) {
		this(root, mappingLinks, null);
	}

	/**
	 * Create the resource, named {@code core}, to be added under {@code .well-known}.
	 * @param root the root of the server's resource tree
	 * @param mappingLinks the links of the handler mappings
	 * @param endpointName the node's name, published as the {@code ep} attribute of every link, or {@code null}
	 * for none
	 */
	public CoapDiscoveryResource(Resource root, CoapMappingLinks mappingLinks,
			@Nullable CoapEndpointName endpointName) {
		this(new CoapDiscoveryLinks(mappingLinks, rootSupplier(root), endpointName));
	}

	/**
	 * Create the resource, named {@code core}, to be added under {@code .well-known}.
	 * @param links the links of the node
	 */
	public CoapDiscoveryResource(CoapDiscoveryLinks links) {
		super("core");
		Assert.notNull(links, "'links' must not be null");
		this.links = links;
		setVisible(false);
	}

	private static Supplier<Resource> rootSupplier(Resource root) {
		Assert.notNull(root, "'root' must not be null");
		return () -> root;
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		Exchange advanced = exchange.advanced();
		if (exchange.getRequestOptions().hasAccept()
				&& exchange.getRequestOptions().getAccept() != MediaTypeRegistry.APPLICATION_LINK_FORMAT) {
			boolean mayGoUnanswered = UnansweredExchanges.mayGoUnanswered(advanced.getRequest());
			exchange.respond(ResponseCode.NOT_ACCEPTABLE, "Discovery is only available as application/link-format");
			if (mayGoUnanswered) {
				UnansweredExchanges.completeIfUnanswered(advanced);
			}
			return;
		}
		Set<WebLink> links = this.links.getLinks(exchange.getRequestOptions().getUriQuery());
		if (links.isEmpty() && exchange.isMulticastRequest()) {
			UnansweredExchanges.completeIfUnanswered(advanced);
			return;
		}
		exchange.respond(ResponseCode.CONTENT, LinkFormat.serialize(links), MediaTypeRegistry.APPLICATION_LINK_FORMAT);
	}

	/**
	 * Render the links that match the given filters.
	 * @param queries the Uri-Query items, each {@code attribute=value} or {@code attribute=prefix*}
	 * @return the links in link format
	 */
	public String discover(List<String> queries) {
		return this.links.toLinkFormat(queries);
	}

}
