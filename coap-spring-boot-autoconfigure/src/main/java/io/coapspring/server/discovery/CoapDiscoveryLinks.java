package io.coapspring.server.discovery;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The links of the node, as {@code /.well-known/core} serves them: the discoverable handler mappings (with the
 * instances of patterns with variables, see {@link CoapLinkInstances}) and the visible resources of the server's
 * resource tree, each with the node's {@code ep} attribute when it has a {@link CoapEndpointName}, sorted by
 * target. Discovery renders them for every request; a Resource Directory client registers the same set (RFC
 * 9176 section 5.3: the registration payload is the node's {@code /.well-known/core} document), so that the two
 * never disagree.
 * <p>
 * The links are built afresh on every call: callers may change them (drop the {@code ep} attribute, for
 * instance, which a registration carries as a query parameter instead).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDiscoveryLinks {

	private final CoapMappingLinks mappingLinks;

	private final Supplier<? extends @Nullable Resource> root;

	private final @Nullable CoapEndpointName endpointName;

	/**
	 * Create the links of a node.
	 * @param mappingLinks the links of the handler mappings
	 * @param root supplies the root of the server's resource tree, or {@code null} while there is none
	 * @param endpointName the node's name, published as the {@code ep} attribute of every link, or {@code null}
	 * for none
	 */
	public CoapDiscoveryLinks(CoapMappingLinks mappingLinks, Supplier<? extends @Nullable Resource> root,
			@Nullable CoapEndpointName endpointName) {
		Assert.notNull(mappingLinks, "'mappingLinks' must not be null");
		Assert.notNull(root, "'root' must not be null");
		this.mappingLinks = mappingLinks;
		this.root = root;
		this.endpointName = endpointName;
	}

	/**
	 * Return every link of the node.
	 * @return the links, sorted by target
	 */
	public Set<WebLink> getLinks() {
		return getLinks(List.of());
	}

	/**
	 * Return the links that match RFC 6690 query filters, as {@code /.well-known/core?rt=temperature-c} would.
	 * @param filters the filters, each {@code attribute=value} or {@code attribute=prefix*} ({@code href} for the
	 * target); all must match
	 * @return the matching links, sorted by target
	 */
	public Set<WebLink> getLinks(List<String> filters) {
		Assert.notNull(filters, "'filters' must not be null");
		Set<WebLink> links = new TreeSet<>(this.mappingLinks.getLinks());
		Resource root = this.root.get();
		if (root != null) {
			LinkFormat.addSubTree(root, null, links);
		}
		if (this.endpointName != null) {
			for (WebLink link : links) {
				link.getAttributes().setAttribute(CoapEndpointName.ATTRIBUTE, this.endpointName.value());
			}
		}
		links.removeIf((link) -> !LinkFormat.matches(link, filters));
		return links;
	}

	/**
	 * Render the links that match RFC 6690 query filters in link format (Content-Format 40).
	 * @param filters the filters, as for {@link #getLinks(List)}
	 * @return the document
	 */
	public String toLinkFormat(List<String> filters) {
		return LinkFormat.serialize(getLinks(filters));
	}

	/**
	 * Return the node's name, published as the {@code ep} attribute of every link.
	 * @return the name, or {@code null} if the node has none
	 */
	public @Nullable CoapEndpointName getEndpointName() {
		return this.endpointName;
	}

}
