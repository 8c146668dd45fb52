package io.coapspring.interop;

import java.util.LinkedHashSet;
import java.util.Set;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.WebLink;

/**
 * Resources for link-format discovery (RFC 6690): {@code /link1} to {@code /link3} with the {@code rt} and
 * {@code if} attributes the filter tests expect (TD_COAP_LINK_02 to 08), and {@code /path}, which lists its
 * sub-resources in link format rather than {@code /.well-known/core} (TD_COAP_LINK_09).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class LinkController {

	private static final String[] SUB_RESOURCES = { "/path/sub1", "/path/sub2", "/path/sub3" };

	@CoapGetMapping(path = "/link1", produces = "text/plain", resourceType = { "Type1", "Type2" },
			interfaceDescription = "If1", title = "Link test resource")
	String link1(CoapRequest request) {
		return request.getPath();
	}

	@CoapGetMapping(path = "/link2", produces = "text/plain", resourceType = { "Type2", "Type3" },
			interfaceDescription = "If2", title = "Link test resource")
	String link2(CoapRequest request) {
		return request.getPath();
	}

	@CoapGetMapping(path = "/link3", produces = "text/plain", resourceType = { "Type1", "Type3" },
			interfaceDescription = "foo", title = "Link test resource")
	String link3(CoapRequest request) {
		return request.getPath();
	}

	@CoapGetMapping(path = "/path", produces = "application/link-format", title = "Hierarchical link description entry")
	Set<WebLink> path() {
		Set<WebLink> links = new LinkedHashSet<>();
		for (String sub : SUB_RESOURCES) {
			WebLink link = new WebLink(sub);
			link.getAttributes().addContentType(0);
			links.add(link);
		}
		return links;
	}

	@CoapGetMapping(path = { "/path/sub1", "/path/sub2", "/path/sub3" }, produces = "text/plain",
			discoverable = false)
	String sub(CoapRequest request) {
		return request.getPath();
	}

}
