package io.coapspring.server.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapMappingInfo;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.server.resources.ResourceAttributes;

import org.springframework.util.Assert;

/**
 * Describes the discoverable handler mappings as RFC 6690 web links: one link per path pattern that has a
 * discoverable mapping, with the attributes of its discoverable mappings merged ({@code ct} from
 * {@code produces}, {@code rt}, {@code if}, {@code title}, {@code sz}, {@code obs}). Patterns with variables are
 * listed, as their template, only when a mapping opts in with {@code discoverAsTemplate}; GET and FETCH
 * mappings come first when a single value (title, size) is chosen.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMappingLinks {

	private final CoapHandlerMappingRegistry registry;

	/**
	 * Create links for a registry.
	 * @param registry the mappings
	 */
	public CoapMappingLinks(CoapHandlerMappingRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	/**
	 * Return a link per discoverable path pattern.
	 * @return the links, in pattern order
	 */
	public List<WebLink> getLinks() {
		Map<String, List<CoapMappingInfo>> byPattern = new LinkedHashMap<>();
		for (CoapHandlerMapping mapping : this.registry.getMappings()) {
			CoapMappingInfo info = mapping.info();
			if (!info.discoverable() || (mapping.pattern().hasVariables() && !info.discoverAsTemplate())) {
				continue;
			}
			byPattern.computeIfAbsent(mapping.pattern().getPattern(), (pattern) -> new ArrayList<>()).add(info);
		}
		List<WebLink> links = new ArrayList<>(byPattern.size());
		byPattern.forEach((pattern, infos) -> links.add(link(pattern, infos)));
		return links;
	}

	private static WebLink link(String pattern, List<CoapMappingInfo> infos) {
		List<CoapMappingInfo> ordered = new ArrayList<>(infos);
		ordered.sort(Comparator.comparing((CoapMappingInfo info) -> !isRetrieval(info)));
		WebLink link = new WebLink(pattern);
		ResourceAttributes attributes = link.getAttributes();
		Set<Integer> contentFormats = new LinkedHashSet<>();
		Set<String> resourceTypes = new LinkedHashSet<>();
		Set<String> interfaces = new LinkedHashSet<>();
		String title = null;
		long size = -1;
		boolean observable = false;
		for (CoapMappingInfo info : ordered) {
			contentFormats.addAll(info.produces());
			resourceTypes.addAll(info.resourceTypes());
			interfaces.addAll(info.interfaceDescriptions());
			if (title == null) {
				title = info.title();
			}
			if (size < 0) {
				size = info.size();
			}
			observable |= info.observable() && isRetrieval(info);
		}
		contentFormats.forEach(attributes::addContentType);
		resourceTypes.forEach(attributes::addResourceType);
		interfaces.forEach(attributes::addInterfaceDescription);
		if (title != null) {
			attributes.setTitle(title);
		}
		if (size >= 0) {
			attributes.setMaximumSizeEstimate(String.valueOf(size));
		}
		if (observable) {
			attributes.setObservable();
		}
		return link;
	}

	private static boolean isRetrieval(CoapMappingInfo info) {
		return info.methods().stream().anyMatch((method) -> method.isRetrieval());
	}

}
