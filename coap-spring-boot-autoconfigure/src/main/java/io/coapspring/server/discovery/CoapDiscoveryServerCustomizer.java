package io.coapspring.server.discovery;

import java.util.Objects;

import io.coapspring.server.CoapServerCustomizer;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Puts a {@link CoapDiscoveryResource} at {@code /.well-known/core} in place of Californium's own discovery
 * resource, so that discovery lists the handler mappings as well as the resource tree. Runs before other
 * customizers, which may replace it in turn.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDiscoveryServerCustomizer implements CoapServerCustomizer, Ordered {

	private static final String WELL_KNOWN = ".well-known";

	private final @Nullable CoapMappingLinks mappingLinks;

	private final @Nullable CoapEndpointName endpointName;

	private final @Nullable CoapDiscoveryLinks links;

	/**
	 * Create a customizer.
	 * @param mappingLinks the links of the handler mappings
	 */
	public CoapDiscoveryServerCustomizer(CoapMappingLinks mappingLinks) {
		this(mappingLinks, null);
	}

	/**
	 * Create a customizer.
	 * @param mappingLinks the links of the handler mappings
	 * @param endpointName the node's name, published as the {@code ep} attribute of every link, or {@code null}
	 * for none
	 */
	public CoapDiscoveryServerCustomizer(CoapMappingLinks mappingLinks, @Nullable CoapEndpointName endpointName) {
		Assert.notNull(mappingLinks, "'mappingLinks' must not be null");
		this.mappingLinks = mappingLinks;
		this.endpointName = endpointName;
		this.links = null;
	}

	/**
	 * Create a customizer that serves the given links, whose resource tree should be the customized server's.
	 * @param links the links of the node
	 */
	public CoapDiscoveryServerCustomizer(CoapDiscoveryLinks links) {
		Assert.notNull(links, "'links' must not be null");
		this.mappingLinks = null;
		this.endpointName = null;
		this.links = links;
	}

	@Override
	public void customize(CoapServer server) {
		Resource root = server.getRoot();
		Resource wellKnown = root.getChild(WELL_KNOWN);
		if (wellKnown == null) {
			CoapResource created = new CoapResource(WELL_KNOWN);
			created.setVisible(false);
			root.add(created);
			wellKnown = created;
		}
		Resource existing = wellKnown.getChild("core");
		if (existing != null) {
			wellKnown.delete(existing);
		}
		wellKnown.add((this.links != null) ? new CoapDiscoveryResource(this.links)
				: new CoapDiscoveryResource(root, Objects.requireNonNull(this.mappingLinks), this.endpointName));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
