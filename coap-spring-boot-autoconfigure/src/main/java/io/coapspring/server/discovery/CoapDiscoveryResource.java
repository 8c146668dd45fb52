package io.coapspring.server.discovery;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

import org.springframework.util.Assert;

/**
 * {@code /.well-known/core} (RFC 6690): the discoverable handler mappings, described by
 * {@link CoapMappingLinks}, plus the visible resources of the server's resource tree, in link format
 * (Content-Format 40). Query parameters filter the links ({@code ?rt=}, {@code ?if=}, {@code ?ct=},
 * {@code ?href=}, any other attribute), a trailing {@code *} matching a prefix; several filters must all match.
 * A listing longer than a block is sent block-wise by Californium.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDiscoveryResource extends CoapResource {

	private final Resource root;

	private final CoapMappingLinks mappingLinks;

	/**
	 * Create the resource, named {@code core}, to be added under {@code .well-known}.
	 * @param root the root of the server's resource tree
	 * @param mappingLinks the links of the handler mappings
	 */
	public CoapDiscoveryResource(Resource root, CoapMappingLinks mappingLinks) {
		super("core");
		Assert.notNull(root, "'root' must not be null");
		Assert.notNull(mappingLinks, "'mappingLinks' must not be null");
		this.root = root;
		this.mappingLinks = mappingLinks;
		setVisible(false);
	}

	@Override
	public void handleGET(CoapExchange exchange) {
		if (exchange.getRequestOptions().hasAccept()
				&& exchange.getRequestOptions().getAccept() != MediaTypeRegistry.APPLICATION_LINK_FORMAT) {
			exchange.respond(ResponseCode.NOT_ACCEPTABLE, "Discovery is only available as application/link-format");
			return;
		}
		exchange.respond(ResponseCode.CONTENT, discover(exchange.getRequestOptions().getUriQuery()),
				MediaTypeRegistry.APPLICATION_LINK_FORMAT);
	}

	/**
	 * Render the links that match the given filters.
	 * @param queries the Uri-Query items, each {@code attribute=value} or {@code attribute=prefix*}
	 * @return the links in link format
	 */
	public String discover(List<String> queries) {
		Set<WebLink> links = new TreeSet<>();
		links.addAll(this.mappingLinks.getLinks());
		LinkFormat.addSubTree(this.root, null, links);
		links.removeIf((link) -> !LinkFormat.matches(link, queries));
		return LinkFormat.serialize(links);
	}

}
