package io.coapspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.coapspring.client.CoapOperations;
import io.coapspring.client.discovery.CoapNode;
import io.coapspring.client.discovery.CoapResourceFinder;
import io.coapspring.client.discovery.WebLink;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds CoAP nodes without a registry, over HTTP: the nodes that answer resource discovery on a multicast group
 * (All CoAP Nodes on IPv4 by default), or one node of a given URI, each with its name, address and resources.
 * <pre>
 * GET /api/coap-nodes?filter=rt=temperature-c
 * GET /api/coap-nodes?uri=coap://[ff02::fd]
 * GET /api/coap-nodes/kitchen
 * GET /api/coap-resources?filter=rt=temperature-c
 * </pre>
 * The last one asks wherever {@code coap.rd.client.lookup.mode} says, through the {@link CoapResourceFinder} bean:
 * by default the Resource Directory this node runs.
 */
@RestController
class CoapNodesHttpController {

	private static final String ALL_COAP_NODES = "coap://224.0.1.187";

	private final CoapOperations coap;

	private final CoapResourceFinder finder;

	CoapNodesHttpController(CoapOperations coap, CoapResourceFinder finder) {
		this.coap = coap;
		this.finder = finder;
	}

	@GetMapping("/api/coap-resources")
	List<ResourceView> resources(@RequestParam(defaultValue = "") String filter) {
		return this.finder.findResources(filter).stream().map(ResourceView::of).toList();
	}

	@GetMapping("/api/coap-nodes")
	List<NodeView> nodes(@RequestParam(defaultValue = ALL_COAP_NODES) String uri,
			@RequestParam(required = false) @Nullable String filter,
			@RequestParam(defaultValue = "6000") long windowMillis) {
		return this.coap.discoverNodes(uri, filter, Duration.ofMillis(windowMillis)).stream().map(NodeView::of).toList();
	}

	@GetMapping("/api/coap-nodes/{name}")
	ResponseEntity<NodeView> node(@PathVariable String name, @RequestParam(defaultValue = ALL_COAP_NODES) String uri,
			@RequestParam(defaultValue = "6000") long windowMillis) {
		return ResponseEntity.of(this.coap.discoverNode(uri, name, Duration.ofMillis(windowMillis)).map(NodeView::of));
	}

	/**
	 * A resource found, as the HTTP API shows it.
	 *
	 * @param uri its absolute URI
	 * @param attributes its link attributes
	 */
	record ResourceView(String uri, Map<String, List<String>> attributes) {

		static ResourceView of(WebLink link) {
			return new ResourceView(link.getUri().toString(), link.getAttributes());
		}

	}

	/**
	 * A node as the HTTP API shows it.
	 *
	 * @param name the node's name, or {@code null} if it publishes none
	 * @param uri the node's base URI
	 * @param resources the paths of its resources
	 */
	record NodeView(@Nullable String name, String uri, List<String> resources) {

		static NodeView of(CoapNode node) {
			return new NodeView(node.name(), node.uri().toString(),
					node.links().stream().map(WebLink::getTarget).toList());
		}

	}

}
