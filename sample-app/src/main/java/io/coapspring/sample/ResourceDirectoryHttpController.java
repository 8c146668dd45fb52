package io.coapspring.sample;

import java.util.List;
import java.util.Map;

import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdQuery;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.ResourceDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Resource Directory this node runs ({@code coap.rd.server.enabled}), over HTTP: what the CoAP nodes (this one
 * included) registered, queried in process with the filters of RFC 9176 lookups.
 * <pre>
 * GET /api/rd/resources?filter=rt=temperature-c
 * GET /api/rd/endpoints?filter=ep=coap-*
 * </pre>
 */
@RestController
class ResourceDirectoryHttpController {

	private final ObjectProvider<ResourceDirectory> directory;

	ResourceDirectoryHttpController(ObjectProvider<ResourceDirectory> directory) {
		this.directory = directory;
	}

	@GetMapping("/api/rd/resources")
	List<LinkView> resources(@RequestParam(defaultValue = "") String filter) {
		return directory().lookupResources(RdQuery.parse(filter)).stream().map(LinkView::of).toList();
	}

	@GetMapping("/api/rd/endpoints")
	List<EndpointView> endpoints(@RequestParam(defaultValue = "") String filter) {
		return directory().lookupEndpoints(RdQuery.parse(filter)).stream().map(EndpointView::of).toList();
	}

	private ResourceDirectory directory() {
		ResourceDirectory directory = this.directory.getIfAvailable();
		if (directory == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This node runs no resource directory");
		}
		return directory;
	}

	/**
	 * A registered resource as the HTTP API shows it.
	 *
	 * @param uri its absolute URI
	 * @param attributes its link attributes
	 */
	record LinkView(String uri, Map<String, List<String>> attributes) {

		static LinkView of(RdLink link) {
			return new LinkView(link.target(), link.attributes());
		}

	}

	/**
	 * A registration as the HTTP API shows it.
	 *
	 * @param endpoint the endpoint name
	 * @param location the registration resource
	 * @param base the base URI of its links
	 * @param expires when it expires unless refreshed
	 * @param links the number of links
	 */
	record EndpointView(String endpoint, String location, String base, String expires, int links) {

		static EndpointView of(RdRegistration registration) {
			return new EndpointView(registration.endpoint(), registration.location(),
					registration.effectiveBase().toString(), registration.expires().toString(),
					registration.links().size());
		}

	}

}
