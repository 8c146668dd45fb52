package io.coapspring.rd.client;

import java.util.Set;

import io.coapspring.server.discovery.CoapDiscoveryLinks;
import io.coapspring.server.discovery.CoapEndpointName;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.LinkFormat;

import org.springframework.util.Assert;

/**
 * The links of the application's own {@code /.well-known/core}, as {@link CoapDiscoveryLinks} gives them to
 * discovery (discoverable handler mappings with the instances of their patterns, visible resources of the
 * resource tree), without the {@code ep} attribute, which the registration carries as a query parameter.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ApplicationRdLinkSource implements RdLinkSource {

	private final CoapDiscoveryLinks discoveryLinks;

	/**
	 * Create the source.
	 * @param discoveryLinks the links of the node
	 */
	public ApplicationRdLinkSource(CoapDiscoveryLinks discoveryLinks) {
		Assert.notNull(discoveryLinks, "'discoveryLinks' must not be null");
		this.discoveryLinks = discoveryLinks;
	}

	@Override
	public String getLinks() {
		Set<WebLink> links = this.discoveryLinks.getLinks();
		links.removeIf((link) -> link.getURI().startsWith("/.well-known/"));
		for (WebLink link : links) {
			link.getAttributes().clearAttribute(CoapEndpointName.ATTRIBUTE);
		}
		return LinkFormat.serialize(links);
	}

}
