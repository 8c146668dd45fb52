package io.coapspring.rd.client;

import java.util.Set;
import java.util.TreeSet;

import io.coapspring.server.discovery.CoapMappingLinks;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.server.resources.Resource;

import org.springframework.util.Assert;

/**
 * The links of the application's own {@code /.well-known/core}: its discoverable handler mappings and the visible
 * resources of the server's resource tree, without the {@code ep} attribute (the registration carries the name)
 * and without URI templates ({@code </sensors/{id}>}), which are no resources a client could request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ApplicationRdLinkSource implements RdLinkSource {

	private final CoapMappingLinks mappingLinks;

	private final CoapServer server;

	/**
	 * Create the source.
	 * @param mappingLinks the links of the handler mappings
	 * @param server the server whose resource tree is listed
	 */
	public ApplicationRdLinkSource(CoapMappingLinks mappingLinks, CoapServer server) {
		Assert.notNull(mappingLinks, "'mappingLinks' must not be null");
		Assert.notNull(server, "'server' must not be null");
		this.mappingLinks = mappingLinks;
		this.server = server;
	}

	@Override
	public String getLinks() {
		Set<WebLink> links = new TreeSet<>(this.mappingLinks.getLinks());
		Resource root = this.server.getRoot();
		LinkFormat.addSubTree(root, null, links);
		links.removeIf((link) -> link.getURI().contains("{") || link.getURI().startsWith("/.well-known/"));
		for (WebLink link : links) {
			link.getAttributes().clearAttribute("ep");
		}
		return LinkFormat.serialize(links);
	}

}
