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
import io.coapspring.server.mapping.CoapPathPattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.WebLink;
import org.eclipse.californium.core.server.resources.ResourceAttributes;

import org.springframework.util.Assert;

/**
 * Describes the discoverable handler mappings as RFC 6690 web links: one link per literal path pattern that has
 * a discoverable mapping, with the attributes of its discoverable mappings merged ({@code ct} from
 * {@code produces}, {@code rt}, {@code if}, {@code title}, {@code sz}, {@code obs}); GET and FETCH mappings come
 * first when a single value (title, size) is chosen. A pattern with variables is never listed as such (a
 * template is no valid link target): its concrete instances are, one link each, as {@link CoapLinkInstances}
 * supply them, with the merged attributes of the mappings and those of the instance.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMappingLinks {

	private static final Log logger = LogFactory.getLog(CoapMappingLinks.class);

	private final CoapHandlerMappingRegistry registry;

	private final List<CoapLinkInstances> instances;

	/**
	 * Create links for a registry, without instances of patterns with variables.
	 * @param registry the mappings
	 */
	public CoapMappingLinks(CoapHandlerMappingRegistry registry) {
		this(registry, List.of());
	}

	/**
	 * Create links for a registry.
	 * @param registry the mappings
	 * @param instances the instances of patterns with variables, listed in their order
	 */
	public CoapMappingLinks(CoapHandlerMappingRegistry registry, List<CoapLinkInstances> instances) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(instances, "'instances' must not be null");
		this.registry = registry;
		this.instances = List.copyOf(instances);
	}

	/**
	 * Return a link per discoverable literal path pattern and per instance of a discoverable pattern with
	 * variables.
	 * @return the links, in pattern order, the instances of a pattern in the order supplied
	 */
	public List<WebLink> getLinks() {
		Map<CoapPathPattern, List<CoapMappingInfo>> byPattern = discoverable();
		List<WebLink> links = new ArrayList<>(byPattern.size());
		byPattern.forEach((pattern, infos) -> {
			if (!pattern.hasVariables()) {
				links.add(link(pattern.getPattern(), infos));
				return;
			}
			for (CoapLinkInstances source : this.instances) {
				if (source.getPattern().equals(pattern.getPattern())) {
					addInstances(pattern, infos, source, links);
				}
			}
		});
		return links;
	}

	/**
	 * Check that every {@link CoapLinkInstances} names a discoverable mapping, once the mappings are
	 * registered, and warn of mappings that still ask to be listed as their template.
	 * @throws IllegalStateException if one names a pattern that no discoverable mapping has
	 */
	public void checkInstances() {
		Set<String> patterns = new LinkedHashSet<>();
		discoverable().keySet()
			.stream()
			.filter(CoapPathPattern::hasVariables)
			.forEach((pattern) -> patterns.add(pattern.getPattern()));
		Set<String> supplied = new LinkedHashSet<>();
		for (CoapLinkInstances source : this.instances) {
			if (!patterns.contains(source.getPattern())) {
				throw new IllegalStateException("The CoapLinkInstances " + source + " are for '" + source.getPattern()
						+ "', which no discoverable mapping has; the discoverable patterns with variables are "
						+ patterns);
			}
			supplied.add(source.getPattern());
		}
		Set<String> templates = new LinkedHashSet<>();
		for (CoapHandlerMapping mapping : this.registry.getMappings()) {
			String pattern = mapping.pattern().getPattern();
			if (mapping.info().discoverAsTemplate() && patterns.contains(pattern) && !supplied.contains(pattern)) {
				templates.add(pattern);
			}
		}
		if (!templates.isEmpty()) {
			logger.warn("discoverAsTemplate is ignored, since a template is no valid RFC 6690 link target: "
					+ templates + " are not listed in /.well-known/core; declare a CoapLinkInstances bean to list "
					+ "their instances");
		}
	}

	private Map<CoapPathPattern, List<CoapMappingInfo>> discoverable() {
		Map<CoapPathPattern, List<CoapMappingInfo>> byPattern = new LinkedHashMap<>();
		for (CoapHandlerMapping mapping : this.registry.getMappings()) {
			if (mapping.info().discoverable()) {
				byPattern.computeIfAbsent(mapping.pattern(), (pattern) -> new ArrayList<>()).add(mapping.info());
			}
		}
		return byPattern;
	}

	private static void addInstances(CoapPathPattern pattern, List<CoapMappingInfo> infos, CoapLinkInstances source,
			List<WebLink> links) {
		List<CoapLinkInstance> supplied;
		try {
			supplied = source.getInstances();
		}
		catch (RuntimeException ex) {
			logger.warn("Discovery leaves out the instances of " + pattern + ": " + source + " failed", ex);
			return;
		}
		for (CoapLinkInstance instance : supplied) {
			String target = CoapLinkTargets.expand(pattern, instance);
			if (target == null) {
				logger.warn("Discovery leaves out " + instance + " of " + pattern
						+ ": its values do not form a path of the pattern");
				continue;
			}
			WebLink link = link(target, infos);
			instance.applyTo(link.getAttributes());
			links.add(link);
		}
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
